package dev.leeway.rules;

import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.RuleDescr;

/**
 * A rule that counts a deadline on a calendar, {@code .on("support-nl")}, names a calendar the
 * rule set defines: a misspelt name is found when the rules load, not when a case first needs it.
 * Only a name written as a literal can be checked here. Files that do not parse are left to the
 * compiler, which reports them.
 */
final class CalendarReferenceCheck {

    static final String CALENDAR_STEP = "on";

    /** @param calendars the names of the rule set's calendar files, readable or not (a broken one is reported on its own) */
    List<RuleProblem> problemsIn(List<RuleFile> drlFiles, Set<String> calendars) {
        List<RuleProblem> problems = new ArrayList<>();
        for (RuleFile file : drlFiles) {
            SourceText source = new SourceText(file);
            for (RuleDescr rule : ParsedRules.of(file).map(PackageDescr::getRules).orElse(List.of())) {
                JavaSnippet.consequenceOf(source, rule)
                        .ifPresent(snippet -> snippet.parseBlock((offset, reason) -> { })
                                .ifPresent(block -> block.findAll(MethodCallExpr.class).stream()
                                        .filter(CalendarReferenceCheck::namesACalendar)
                                        .forEach(call -> {
                                            String name = call.getArgument(0).asStringLiteralExpr().asString();
                                            if (!calendars.contains(name)) {
                                                problems.add(source.problemAt(snippet.offsetOf(call.getName()),
                                                        "rule \"" + rule.getName() + "\" counts on calendar \"" + name
                                                                + "\", which calendars/ does not define" + known(calendars)));
                                            }
                                        })));
            }
        }
        return problems;
    }

    private static boolean namesACalendar(MethodCallExpr call) {
        return call.getNameAsString().equals(CALENDAR_STEP) && call.getScope().isPresent()
                && call.getArguments().size() == 1 && call.getArgument(0) instanceof StringLiteralExpr;
    }

    private static String known(Set<String> calendars) {
        return calendars.isEmpty() ? " (it defines none)" : " (it defines " + String.join(", ", new TreeSet<>(calendars)) + ")";
    }
}
