package dev.leeway.rules;

import jakarta.validation.Valid;
import java.util.List;

/**
 * A proposed change to the rules: files to add or replace and paths to remove, applied to the
 * rules directory as it stands, or to nothing when {@code replaceAll} is set.
 */
public record CandidateChange(List<@Valid SubmittedFile> files, List<String> remove, boolean replaceAll) {

    public CandidateChange {
        files = files == null ? List.of() : List.copyOf(files);
        remove = remove == null ? List.of() : List.copyOf(remove);
    }

    /** The candidate this change makes from the given base. */
    public RuleSetCandidate applyTo(RuleSetCandidate base) {
        RuleSetCandidate start = replaceAll ? new RuleSetCandidate(List.of(), List.of()) : base;
        return start.with(files.stream().map(SubmittedFile::toRuleFile).toList(), remove);
    }
}
