package dev.leeway.web;

import dev.leeway.terms.Attribute;
import dev.leeway.terms.Dimension;
import dev.leeway.terms.SourceAliases;
import dev.leeway.terms.Vocabulary;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.media.BooleanSchema;
import io.swagger.v3.oas.models.media.DateSchema;
import io.swagger.v3.oas.models.media.NumberSchema;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Writes one vocabulary into the request schemas: the values each case field takes, the aliases
 * each source may send instead, the source names and the typed attributes.
 */
final class VocabularySchemas {

    private final Vocabulary vocabulary;
    private final List<SourceAliases> sources;

    private VocabularySchemas(Vocabulary vocabulary) {
        this.vocabulary = vocabulary;
        this.sources = vocabulary.sources().values().stream()
                .sorted(Comparator.comparing(SourceAliases::source)).toList();
    }

    static void describe(Components components, Vocabulary vocabulary) {
        if (components == null || components.getSchemas() == null) {
            return;
        }
        VocabularySchemas schemas = new VocabularySchemas(vocabulary);
        Map<String, Schema> byName = components.getSchemas();
        schemas.term(byName.get("ServiceCase"), Dimension.PRIORITY, "priority", true);
        schemas.term(byName.get("ServiceCase"), Dimension.STATUS, "status", true);
        schemas.term(byName.get("ServiceCase"), Dimension.CHANNEL, "channel", true);
        schemas.term(byName.get("ServiceCase"), Dimension.SENTIMENT, "sentiment", true);
        schemas.term(byName.get("Customer"), Dimension.TIER, "tier", true);
        // A status change names its status, so no default fills one in.
        schemas.term(byName.get("StatusChange"), Dimension.STATUS, "status", false);
        schemas.attributes(byName.get("ServiceCase"));
        schemas.source(byName.get("DecisionRequest"));
        schemas.source(byName.get("WatchedCaseRequest"));
    }

    /**
     * The enum lists only the declared values, the spellings every request may send and the rules
     * see, because JSON Schema can say neither "any case" nor "these aliases only with that source":
     * listing the aliases too would tell a generated client that {@code urgent} works without a source.
     */
    private void term(Schema<?> owner, Dimension dimension, String property, boolean defaulted) {
        if (owner == null || owner.getProperties() == null || !owner.getProperties().containsKey(property)) {
            return;
        }
        StringSchema schema = new StringSchema();
        schema.setEnum(vocabulary.values(dimension));
        StringBuilder description = new StringBuilder("One of the " + dimension.plural()
                + " the vocabulary declares, matched without regard to case");
        Optional<String> defaultValue = defaulted ? vocabulary.of(dimension).defaultValue() : Optional.empty();
        defaultValue.ifPresent(value -> {
            schema.setDefault(value);
            description.append("; left out, it is ").append(value);
        });
        description.append('.');
        List<SourceAliases> aliasing = sources.stream().filter(source -> !source.aliases(dimension).isEmpty()).toList();
        if (!aliasing.isEmpty()) {
            description.append(" With a `source`, that source's aliases are accepted too:");
            aliasing.forEach(source -> description.append("\n- ").append(source.source()).append(": ")
                    .append(source.all().get(dimension).entrySet().stream()
                            .map(alias -> "`" + alias.getKey() + "` → " + alias.getValue())
                            .collect(Collectors.joining(", "))));
        }
        owner.getProperties().put(property, schema.description(description.toString()));
    }

    private void attributes(Schema<?> serviceCase) {
        if (serviceCase == null || serviceCase.getProperties() == null
                || !serviceCase.getProperties().containsKey("attributes")) {
            return;
        }
        ObjectSchema attributes = new ObjectSchema();
        attributes.setAdditionalProperties(Boolean.TRUE);
        attributes.setDescription(vocabulary.attributes().isEmpty()
                ? "Values the helpdesk sends for the rules to read; the vocabulary declares none, so none is checked."
                : "Values the helpdesk sends for the rules to read. Those the vocabulary declares are checked "
                        + "(text values without regard to case); any other passes unchecked.");
        vocabulary.attributes().values().stream()
                .sorted(Comparator.comparing(Attribute::name))
                .forEach(attribute -> attributes.addProperty(attribute.name(), attribute(attribute)));
        serviceCase.getProperties().put("attributes", attributes);
    }

    private static Schema<?> attribute(Attribute attribute) {
        return switch (attribute.type()) {
            case TEXT -> {
                StringSchema text = new StringSchema();
                if (!attribute.values().isEmpty()) {
                    text.setEnum(attribute.values());
                    text.setDescription("Matched without regard to case.");
                }
                yield text;
            }
            case NUMBER -> new NumberSchema();
            case BOOLEAN -> new BooleanSchema();
            case DATE -> new DateSchema();
        };
    }

    private void source(Schema<?> request) {
        if (request == null || request.getProperties() == null || !request.getProperties().containsKey("source")) {
            return;
        }
        StringSchema source = new StringSchema();
        if (sources.isEmpty()) {
            source.setDescription("The system that sent the case. The vocabulary gives aliases for no source, "
                    + "so a request that names one is refused: leave it out.");
        } else {
            source.setEnum(sources.stream().map(SourceAliases::source).toList());
            source.setDescription("The system that sent the case, matched without regard to case. The case's values "
                    + "may then be that system's aliases, which each field lists; without a source they must be "
                    + "declared values.");
        }
        request.getProperties().put("source", source);
    }
}
