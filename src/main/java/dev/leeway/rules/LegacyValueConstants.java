package dev.leeway.rules;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rule sets written before the vocabulary named values as Java constants of the fact model
 * ({@code priority == Priority.P1}); those types are gone, and values are text. Such a set has no
 * {@code vocabulary.yaml}, so when one is compiled (to replay the decisions recorded under it) each
 * constant outside strings and comments is read as its value, {@code "P1"}, which the standard
 * vocabulary declares.
 */
final class LegacyValueConstants {

    private static final Pattern CONSTANT =
            Pattern.compile("\\b(?:Priority|CustomerTier|Channel|CaseStatus|Sentiment)\\.([A-Z][A-Z0-9_]*)\\b");

    private LegacyValueConstants() {}

    static RuleFile rewritten(RuleFile file) {
        String text = file.content();
        StringBuilder out = new StringBuilder(text.length());
        int code = 0;
        int i = 0;
        while (i < text.length()) {
            int skipTo;
            if (text.charAt(i) == '"') {
                skipTo = endOfString(text, i);
            } else if (text.startsWith("//", i)) {
                int newline = text.indexOf('\n', i);
                skipTo = newline < 0 ? text.length() : newline;
            } else if (text.startsWith("/*", i)) {
                int close = text.indexOf("*/", i + 2);
                skipTo = close < 0 ? text.length() : close + 2;
            } else {
                i++;
                continue;
            }
            out.append(values(text.substring(code, i))).append(text, i, skipTo);
            code = skipTo;
            i = skipTo;
        }
        out.append(values(text.substring(code)));
        String rewritten = out.toString();
        return rewritten.equals(text) ? file : new RuleFile(file.path(), rewritten);
    }

    private static int endOfString(String text, int open) {
        for (int i = open + 1; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '"' || c == '\n') {
                return i + 1;
            }
        }
        return text.length();
    }

    private static String values(String code) {
        Matcher matcher = CONSTANT.matcher(code);
        return matcher.find() ? matcher.replaceAll("\"$1\"") : code;
    }
}
