package dev.leeway.rules;

import java.util.List;

/**
 * What a reload did.
 *
 * @param status {@code ACTIVATED} (a new version serves), {@code UNCHANGED} (the files make the
 *     version already serving) or {@code REJECTED} (the previous set keeps serving)
 * @param activeVersion the version serving after the reload (null if none)
 * @param candidateVersion the version the files on disk make
 * @param warnings for an activation, what its validation warned of (see {@link Validation#warnings()})
 */
public record ReloadOutcome(String status, String activeVersion, String candidateVersion, List<RuleProblem> problems,
        List<RuleWarning> warnings) {

    public ReloadOutcome {
        problems = List.copyOf(problems);
        warnings = List.copyOf(warnings);
    }

    public boolean rejected() {
        return "REJECTED".equals(status);
    }
}
