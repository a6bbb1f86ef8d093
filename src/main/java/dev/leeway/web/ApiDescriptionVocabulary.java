package dev.leeway.web;

import dev.leeway.rules.ActiveRuleSet;
import dev.leeway.rules.RuleSet;
import io.swagger.v3.oas.models.OpenAPI;
import java.util.Locale;
import org.springdoc.core.customizers.OpenApiLocaleCustomizer;
import org.springframework.stereotype.Component;

/** Puts the serving rule set's vocabulary into the API description. */
@Component
class ApiDescriptionVocabulary implements OpenApiLocaleCustomizer {

    private final ActiveRuleSet rules;

    ApiDescriptionVocabulary(ActiveRuleSet rules) {
        this.rules = rules;
    }

    @Override
    public void customise(OpenAPI api, Locale locale) {
        rules.current().map(RuleSet::vocabulary).ifPresent(words -> VocabularySchemas.describe(api.getComponents(), words));
    }
}
