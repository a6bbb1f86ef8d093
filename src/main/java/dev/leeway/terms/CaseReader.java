package dev.leeway.terms;

import dev.leeway.decision.DecisionRequest;
import dev.leeway.facts.Customer;
import dev.leeway.facts.ServiceCase;
import dev.leeway.facts.StatusChange;
import dev.leeway.problem.FieldError;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a request in a vocabulary's words before the rules see it: each value the source sends is
 * resolved through that source's aliases or matched to a declared value (case does not matter),
 * a missing one takes its default, declared attributes are typed, and the rank and status meanings
 * rules read are worked out. Every value the vocabulary does not know is reported, not only the first.
 */
public final class CaseReader {

    private final Vocabulary vocabulary;
    private final SourceAliases aliases;
    private final List<FieldError> errors = new ArrayList<>();

    private CaseReader(Vocabulary vocabulary, String source) {
        this.vocabulary = vocabulary;
        Optional<SourceAliases> known = source == null ? Optional.empty() : vocabulary.source(source);
        if (source != null && known.isEmpty()) {
            List<String> sources = vocabulary.sources().values().stream().map(SourceAliases::source).sorted().toList();
            errors.add(new FieldError("source", "is \"" + source + "\", which is not a source the vocabulary gives aliases for"
                    + (sources.isEmpty() ? " (it gives none)" : " (" + String.join(", ", sources) + ")"), sources, null));
        }
        this.aliases = known.orElse(null);
    }

    /**
     * @return the request with every value as the vocabulary declares it
     * @throws UnknownTermsException naming each value the vocabulary does not know
     */
    public static DecisionRequest read(Vocabulary vocabulary, DecisionRequest request) {
        CaseReader reader = new CaseReader(vocabulary, request.source());
        ServiceCase read = reader.serviceCase(request.serviceCase());
        if (!reader.errors.isEmpty()) {
            throw new UnknownTermsException(reader.errors);
        }
        return new DecisionRequest(read, request.actor(), request.request(), request.at(), request.source());
    }

    private ServiceCase serviceCase(ServiceCase given) {
        String priority = term(Dimension.PRIORITY, "case.priority", given.priority());
        String status = term(Dimension.STATUS, "case.status", given.status());
        List<StatusChange> history = given.statusHistory();
        List<StatusChange> readHistory = history.isEmpty() ? history : new ArrayList<>(history.size());
        for (int i = 0; i < history.size(); i++) {
            StatusChange change = history.get(i);
            // A change without a status is refused by bean validation, which names the field itself.
            String changed = change == null || change.status() == null ? null
                    : term(Dimension.STATUS, "case.statusHistory[" + i + "].status", change.status());
            readHistory.add(change == null ? null : new StatusChange(changed, change.at()));
        }
        Customer customer = given.customer();
        String tier = term(Dimension.TIER, "case.customer.tier", customer.tier());
        Customer readCustomer = new Customer(customer.id(), tier, customer.churnRisk(), customer.vulnerable(),
                customer.consideringLeaving(), vocabulary.of(Dimension.TIER).atLeast(tier));
        return new ServiceCase(given.id(), term(Dimension.CHANNEL, "case.channel", given.channel()), given.category(),
                priority, status, readHistory, given.openedAt(), given.firstResponseAt(), given.currentStep(),
                given.transfers(), given.contactsAboutSameProblem(), given.waitingMinutes(), given.companyAtFault(),
                given.amountAtStake(), given.currency(), term(Dimension.SENTIMENT, "case.sentiment", given.sentiment()),
                given.tags(), readCustomer, attributes(given.attributes()),
                vocabulary.of(Dimension.PRIORITY).atLeast(priority),
                vocabulary.closed().contains(status), vocabulary.confirmsSolution().contains(status));
    }

    private String term(Dimension dimension, String field, String given) {
        Terms terms = vocabulary.of(dimension);
        if (given == null) {
            return terms.defaultValue().orElse(null);
        }
        Optional<String> value = aliases == null ? Optional.empty() : aliases.valueFor(dimension, given);
        if (value.isEmpty()) {
            value = terms.declared(given);
        }
        if (value.isPresent()) {
            return value.get();
        }
        if (aliases == null) {
            errors.add(new FieldError(field, "is \"" + given + "\", which is not one of the " + dimension.plural()
                    + " the vocabulary declares: " + terms.listed(), terms.values(), null));
        } else {
            List<String> allowed = new ArrayList<>(aliases.aliases(dimension));
            allowed.addAll(terms.values());
            errors.add(new FieldError(field, "is \"" + given + "\", which is neither one of " + aliases.source() + "'s "
                    + dimension.key() + " aliases" + (aliases.aliases(dimension).isEmpty() ? " (it has none)"
                    : " (" + String.join(", ", aliases.aliases(dimension)) + ")") + " nor one of the "
                    + dimension.plural() + " the vocabulary declares: " + terms.listed(), allowed, aliases.source()));
        }
        return given;
    }

    private Map<String, Object> attributes(Map<String, Object> given) {
        if (vocabulary.attributes().isEmpty() || given.isEmpty()) {
            return given;
        }
        Map<String, Object> read = new LinkedHashMap<>(given);
        given.forEach((name, value) -> {
            Attribute declared = vocabulary.attributes().get(name);
            if (declared != null && value != null) {
                read.put(name, attribute(declared, "case.attributes." + name, value));
            }
        });
        return read;
    }

    private Object attribute(Attribute declared, String field, Object value) {
        Optional<Object> typed = declared.type().read(value);
        if (typed.isEmpty()) {
            errors.add(new FieldError(field, "must be " + declared.type().described() + ", not " + value));
            return value;
        }
        if (declared.values().isEmpty()) {
            return typed.get();
        }
        String text = (String) typed.get();
        Optional<String> known = declared.values().stream().filter(allowed -> allowed.equalsIgnoreCase(text)).findFirst();
        if (known.isEmpty()) {
            errors.add(new FieldError(field, "is \"" + text + "\", which is not one of the values the vocabulary declares: "
                    + String.join(", ", declared.values()), declared.values(), null));
            return value;
        }
        return known.get();
    }
}
