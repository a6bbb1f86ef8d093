package dev.leeway.rules;

import com.github.javaparser.ParseProblemException;
import com.github.javaparser.StaticJavaParser;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import dev.leeway.security.ReviewerRoles;
import java.util.Set;
import java.util.TreeSet;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.parser.DrlParser;
import org.drools.drl.parser.DroolsParserException;
import org.springframework.stereotype.Component;

/**
 * The roles the serving rule set names in {@code reviewedAfterwardsBy(…)}: who reviews escape uses.
 * Read from the rules' consequences, so a reviewer role added to the charter reaches the bootstrap
 * reviewer without a restart.
 */
@Component
class CharterReviewerRoles implements ReviewerRoles {

    private static final String REVIEW_CALL = "reviewedAfterwardsBy";

    private final ActiveRuleSet active;
    /** The roles of the version last asked about: reading them parses every file, too dear for each call. */
    private volatile Named latest = new Named(null, Set.of());

    private record Named(String version, Set<String> roles) {}

    CharterReviewerRoles(ActiveRuleSet active) {
        this.active = active;
    }

    @Override
    public Set<String> named() {
        RuleSet serving = active.current().orElse(null);
        if (serving == null) {
            return Set.of();
        }
        Named known = latest;
        if (!serving.version().equals(known.version())) {
            Set<String> roles = new TreeSet<>();
            serving.files().stream().filter(file -> !RuleFiles.isData(file.path())).forEach(file -> roles.addAll(namedIn(file)));
            known = new Named(serving.version(), Set.copyOf(roles));
            latest = known;
        }
        return known.roles();
    }

    static Set<String> namedIn(RuleFile file) {
        Set<String> roles = new TreeSet<>();
        try {
            for (RuleDescr rule : new DrlParser().parse(false, file.content()).getRules()) {
                if (rule.getConsequence() == null) {
                    continue;
                }
                StaticJavaParser.parseBlock("{" + rule.getConsequence() + "\n}").findAll(MethodCallExpr.class).stream()
                        .filter(call -> call.getNameAsString().equals(REVIEW_CALL))
                        .flatMap(call -> call.getArguments().stream())
                        .filter(StringLiteralExpr.class::isInstance)
                        .forEach(role -> roles.add(((StringLiteralExpr) role).asString()));
            }
        } catch (DroolsParserException | ParseProblemException e) {
            // A serving rule set compiled, so this does not happen; if it did, the file names no reviewer.
        }
        return roles;
    }
}
