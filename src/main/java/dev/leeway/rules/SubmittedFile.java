package dev.leeway.rules;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * A file sent for validation or a what-if run, by its path in the rules directory.
 *
 * @param path e.g. {@code escapes/goodwill.drl}, {@code calendars/support-nl.yaml} or {@code tests/goodwill.yaml};
 *     relative, no {@code ..}
 */
public record SubmittedFile(
        @NotBlank
        @Pattern(regexp = "^(?!/)(?!.*(^|/)\\.\\.(/|$))[\\w./-]+\\.(drl|ya?ml)$",
                message = "must be a relative path inside the rules directory ending in .drl, .yaml or .yml")
        String path,
        @NotNull String content) {

    RuleFile toRuleFile() {
        return new RuleFile(path, content);
    }
}
