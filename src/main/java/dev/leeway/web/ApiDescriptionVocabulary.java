package dev.leeway.web;

import dev.leeway.rules.ActiveRuleSet;
import dev.leeway.rules.RuleSet;
import dev.leeway.terms.Vocabulary;
import io.swagger.v3.oas.models.OpenAPI;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springdoc.core.customizers.OpenApiLocaleCustomizer;
import org.springdoc.core.service.OpenAPIService;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Puts the serving rule set's vocabulary into the API description, and has springdoc build it
 * again once another vocabulary serves. Springdoc keeps one built description per locale because
 * building one takes a second or more; rebuilding on every request would make each fetch that slow.
 */
@Component
class ApiDescriptionVocabulary implements OpenApiLocaleCustomizer {

    private final ActiveRuleSet rules;
    private final ObjectProvider<OpenAPIService> springdoc;
    /** The vocabulary each locale's kept description shows; empty while no rule set served when it was built. */
    private final Map<Locale, Optional<Vocabulary>> described = new ConcurrentHashMap<>();

    ApiDescriptionVocabulary(ActiveRuleSet rules, ObjectProvider<OpenAPIService> springdoc) {
        this.rules = rules;
        this.springdoc = springdoc;
    }

    @Override
    public void customise(OpenAPI api, Locale locale) {
        Optional<Vocabulary> vocabulary = serving();
        vocabulary.ifPresent(words -> VocabularySchemas.describe(api.getComponents(), words));
        described.put(locale, vocabulary);
    }

    /**
     * Drops each kept description that shows another vocabulary than the serving one, so that
     * springdoc builds it afresh when it is next asked for. Callers keep springdoc from serving
     * or building a description meanwhile, since it keeps them in a plain map.
     */
    void forgetOutdatedDescriptions() {
        Optional<Vocabulary> serving = serving();
        described.forEach((locale, shown) -> {
            // Identity is enough: each loaded rule set reads its own, so at worst an unchanged one is described again.
            if (shown.orElse(null) != serving.orElse(null)) {
                springdoc.ifAvailable(service -> service.setCachedOpenAPI(null, locale));
                described.remove(locale);
            }
        });
    }

    private Optional<Vocabulary> serving() {
        return rules.current().map(RuleSet::vocabulary);
    }
}
