package dev.leeway.scenario;

import dev.leeway.decision.Decision;
import dev.leeway.decision.Deadline;
import dev.leeway.decision.DeadlineWarning;
import dev.leeway.decision.EscalationLevel;
import dev.leeway.decision.Escape;
import dev.leeway.decision.FiredRule;
import dev.leeway.decision.Flag;
import dev.leeway.decision.Guardrail;
import dev.leeway.decision.Obligation;
import dev.leeway.decision.Route;
import dev.leeway.decision.Verdict;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Compares a decision with what a scenario expects and says, in words, everything that differs. */
final class ScenarioCheck {

    private final Decision decision;
    private final Map<String, String> idByRuleName;
    private final List<String> failures = new ArrayList<>();

    private ScenarioCheck(Decision decision) {
        this.decision = decision;
        this.idByRuleName = decision.firedRules().stream()
                .filter(rule -> rule.id() != null)
                .collect(Collectors.toMap(FiredRule::rule, FiredRule::id, (a, b) -> a));
    }

    static List<String> failures(Expectation expect, Decision decision) {
        ScenarioCheck check = new ScenarioCheck(decision);
        if (expect != null) {
            check.route(expect.route());
            check.present("escape", expect.escapes(), decision.escapes(), Escape::id);
            check.absent("escape", expect.noEscapes(), decision.escapes(), Escape::id);
            check.verdict(expect.verdict());
            check.obligations(expect.obligations());
            check.absent("obligation", expect.noObligations(), decision.obligations(), Obligation::kind);
            check.deadlines(expect.deadlines());
            check.present("checklist item", expect.checklist(), decision.checklist(), item -> item.item());
            check.present("flag", expect.flags(), decision.flags(), Flag::flag);
            check.present("guardrail", expect.guardrails(), decision.guardrails(), Guardrail::id);
            check.fired(expect.fired(), true);
            check.fired(expect.notFired(), false);
        }
        return List.copyOf(check.failures);
    }

    private void route(Expectation.RouteExpectation expected) {
        if (expected == null) {
            return;
        }
        Route actual = decision.route();
        if (actual == null) {
            failures.add("expected route " + expected + " but no rule chose a route");
            return;
        }
        compare("route step", expected.step(), actual.step());
        compare("route role", expected.role(), actual.role());
        compare("route team", expected.team(), actual.team());
        compare("route escalated", expected.escalated(), actual.escalated());
    }

    private void verdict(Expectation.VerdictExpectation expected) {
        if (expected == null) {
            return;
        }
        Verdict actual = decision.verdict();
        if (actual == null) {
            failures.add("expected a verdict but the scenario made no request");
            return;
        }
        compare("verdict allowed", expected.allowed(), actual.allowed());
        if (expected.conditions() != null
                && !new HashSet<>(expected.conditions()).equals(new HashSet<>(actual.conditions()))) {
            failures.add("verdict conditions: expected " + expected.conditions() + " but were " + actual.conditions());
        }
        if (expected.because() != null) {
            Set<String> reasons = new HashSet<>(actual.because());
            actual.because().stream().map(idByRuleName::get).filter(Objects::nonNull).forEach(reasons::add);
            for (String reason : expected.because()) {
                if (!reasons.contains(reason)) {
                    failures.add("verdict because: expected " + reason + " among " + actual.because());
                }
            }
        }
    }

    private void obligations(List<Expectation.ObligationExpectation> expected) {
        if (expected == null) {
            return;
        }
        for (Expectation.ObligationExpectation want : expected) {
            String what = want.kind() + (want.owner() == null ? "" : " owed by " + want.owner());
            decision.obligations().stream()
                    .filter(obligation -> obligation.kind().equals(want.kind()))
                    .filter(obligation -> want.owner() == null || want.owner().equals(obligation.owner()))
                    .findFirst().ifPresentOrElse(
                            obligation -> compare("obligation " + what + " due", want.due(), obligation.due()),
                            () -> failures.add("expected obligation " + what + " among "
                                    + decision.obligations().stream().map(o -> o.kind() + " owed by " + o.owner())
                                            .toList()));
        }
    }

    private void deadlines(List<Expectation.DeadlineExpectation> expected) {
        if (expected == null) {
            return;
        }
        for (Expectation.DeadlineExpectation want : expected) {
            Deadline actual = decision.deadlines().stream()
                    .filter(deadline -> deadline.kind().equals(want.kind()))
                    .findFirst().orElse(null);
            if (actual == null) {
                failures.add("expected a " + want.kind() + " deadline but there was none");
                continue;
            }
            compare(want.kind() + " due", want.due(), actual.due());
            compare(want.kind() + " passed", want.passed(), actual.passed());
            compare(want.kind() + " escalateTo", want.escalateTo(), actual.escalateTo());
            compare(want.kind() + " calendar", want.calendar(), actual.calendar());
            compare(want.kind() + " clock", want.clock(), actual.clock());
            compare(want.kind() + " elapsedMinutes", want.elapsedMinutes(), actual.elapsedMinutes());
            compare(want.kind() + " remainingMinutes", want.remainingMinutes(), actual.remainingMinutes());
            warnings(want.kind(), want.warnings(), actual.warnings());
            levels(want.kind(), want.levels(), actual.levels());
        }
    }

    private void warnings(String kind, List<Expectation.WarningExpectation> expected, List<DeadlineWarning> actual) {
        if (expected == null) {
            return;
        }
        for (Expectation.WarningExpectation want : expected) {
            String what = kind + " warning at " + want.percent() + " %";
            actual.stream().filter(warning -> warning.percent() == want.percent()).findFirst().ifPresentOrElse(
                    warning -> {
                        compare(what + " at", want.at(), warning.at());
                        compare(what + " reached", want.reached(), warning.reached());
                    },
                    () -> failures.add("expected a " + what + " but the warnings were at "
                            + actual.stream().map(DeadlineWarning::percent).toList()));
        }
    }

    private void levels(String kind, List<Expectation.LevelExpectation> expected, List<EscalationLevel> actual) {
        if (expected == null) {
            return;
        }
        for (Expectation.LevelExpectation want : expected) {
            String what = kind + " level at " + want.percent() + " %";
            actual.stream().filter(level -> level.percent() == want.percent()).findFirst().ifPresentOrElse(
                    level -> {
                        compare(what + " escalateTo", want.escalateTo(), level.escalateTo());
                        compare(what + " at", want.at(), level.at());
                        compare(what + " reached", want.reached(), level.reached());
                    },
                    () -> failures.add("expected a " + what + " but the levels were at "
                            + actual.stream().map(EscalationLevel::percent).toList()));
        }
    }

    private void fired(List<String> rules, boolean shouldHaveFired) {
        if (rules == null) {
            return;
        }
        Set<String> fired = new HashSet<>();
        decision.firedRules().forEach(rule -> {
            fired.add(rule.rule());
            if (rule.id() != null) {
                fired.add(rule.id());
            }
        });
        for (String rule : rules) {
            if (fired.contains(rule) != shouldHaveFired) {
                failures.add("expected rule " + rule + (shouldHaveFired ? " to fire" : " not to fire"));
            }
        }
    }

    private <T> void present(String what, List<String> expected, List<T> actual, Function<T, String> key) {
        if (expected == null) {
            return;
        }
        List<String> keys = actual.stream().map(key).toList();
        for (String want : expected) {
            if (!keys.contains(want)) {
                failures.add("expected " + what + " " + want + " among " + keys);
            }
        }
    }

    private <T> void absent(String what, List<String> unexpected, List<T> actual, Function<T, String> key) {
        if (unexpected == null) {
            return;
        }
        List<String> keys = actual.stream().map(key).toList();
        for (String unwanted : unexpected) {
            if (keys.contains(unwanted)) {
                failures.add("expected no " + what + " " + unwanted + " but got " + keys);
            }
        }
    }

    private void compare(String what, Object expected, Object actual) {
        if (expected != null && !expected.equals(actual)) {
            failures.add(what + ": expected " + expected + " but was " + actual);
        }
    }
}
