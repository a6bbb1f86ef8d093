package dev.leeway.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds where each rule is declared in a DRL file, so that problems and listings can point at a
 * line. Drools keeps no line numbers on compiled rules, so the source is read once more here.
 */
final class DeclaredRules {

    private static final Pattern PACKAGE = Pattern.compile("^\\s*package\\s+([\\w.]+)", Pattern.MULTILINE);
    private static final Pattern RULE =
            Pattern.compile("^([ \\t]*)rule\\s+(?:\"([^\"]+)\"|'([^']+)'|(\\S+))", Pattern.MULTILINE);

    private DeclaredRules() {}

    /** A rule declaration's position in its file. */
    record Declaration(String file, String packageName, String name, int line, int column) {}

    static List<Declaration> in(RuleFile file) {
        String text = file.content();
        Matcher pkg = PACKAGE.matcher(text);
        String packageName = pkg.find() ? pkg.group(1) : "";
        List<Declaration> declarations = new ArrayList<>();
        Matcher rule = RULE.matcher(text);
        while (rule.find()) {
            String name = Optional.ofNullable(rule.group(2)).or(() -> Optional.ofNullable(rule.group(3)))
                    .orElse(rule.group(4));
            int line = lineOf(text, rule.start());
            declarations.add(new Declaration(file.path(), packageName, name, line, rule.group(1).length() + 1));
        }
        return declarations;
    }

    private static int lineOf(String text, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }
}
