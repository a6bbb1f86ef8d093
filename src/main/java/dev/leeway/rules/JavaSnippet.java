package dev.leeway.rules;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.Position;
import com.github.javaparser.Problem;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.stmt.BlockStmt;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.drools.drl.ast.descr.RuleDescr;

/**
 * A piece of a rule file read as Java (a consequence, an operand of a constraint, a metadata
 * value), with JavaParser's positions in it turned back into offsets in the file.
 *
 * @param start the offset in the file of the code's first character
 */
record JavaSnippet(int start, String code) {

    /** Escapes turned as javac turns them, with positions kept in the text as written. */
    private static final ParserConfiguration JAVA_17 = new ParserConfiguration()
            .setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_17)
            .setPreprocessUnicodeEscapes(true)
            .setTabSize(1)
            .setAttributeComments(false);

    /** A consequence's statements, wrapped in braces that stand just before and after them in the file. */
    static JavaSnippet block(int start, String statements) {
        return new JavaSnippet(start - 1, "{" + statements + "\n}");
    }

    /** A rule's consequence, placed in its file; empty when Drools did not keep it as text. */
    static Optional<JavaSnippet> consequenceOf(SourceText source, RuleDescr rule) {
        return rule.getConsequence() instanceof String statements
                ? Optional.of(block(startOf(source, rule, statements), statements)) : Optional.empty();
    }

    /**
     * Drools keeps the line and column of {@code then}, and the consequence from the first
     * character after it that is not white space; so that is where the statements start.
     */
    private static int startOf(SourceText source, RuleDescr rule, String statements) {
        String text = source.text();
        int then = source.offsetOf(rule.getConsequenceLine(), rule.getConsequencePattern());
        if (then >= 0 && text.startsWith("then", then)) {
            int start = then + "then".length();
            while (start < text.length() && isWhiteSpace(text.charAt(start))) {
                start++;
            }
            if (text.startsWith(statements, start)) {
                return start;
            }
        }
        int found = text.indexOf(statements, Math.max(then, source.offsetOf(rule)));
        return found >= 0 ? found : Math.max(then, 0);
    }

    /** White space as the regular expression {@code \s} Drools strips after {@code then} knows it. */
    private static boolean isWhiteSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r';
    }

    Optional<BlockStmt> parseBlock(BiConsumer<Integer, String> unreadable) {
        return parse(parser -> parser.parseBlock(code), unreadable);
    }

    Optional<Expression> parseExpression(BiConsumer<Integer, String> unreadable) {
        return parse(parser -> parser.parseExpression(code), unreadable);
    }

    /** Where a node of the parsed code starts in the file. */
    int offsetOf(Node node) {
        return node.getBegin().map(this::offsetOf).orElse(start);
    }

    private <T extends Node> Optional<T> parse(Function<JavaParser, ParseResult<T>> parsing,
            BiConsumer<Integer, String> unreadable) {
        // Java turns \\u escapes into characters before it reads anything else, even in comments and
        // strings, so that "// \\u000a code" runs the code; MVEL, which reads conditions and metadata,
        // does not turn them at all. Either way the text reads differently than it looks: refused,
        // and read on as javac would read it to find what else there is.
        for (int escape = code.indexOf("\\u"); escape >= 0; escape = code.indexOf("\\u", escape + 2)) {
            unreadable.accept(start + escape, "uses a \\u escape, which Java turns into another character "
                    + "before it reads the code; write the character itself");
        }
        ParseResult<T> result = parsing.apply(new JavaParser(JAVA_17));
        if (result.isSuccessful() && result.getResult().isPresent()) {
            return result.getResult();
        }
        Problem problem = result.getProblems().get(0);
        int at = problem.getLocation().flatMap(tokens -> tokens.getBegin().getRange())
                .map(range -> offsetOf(range.begin)).orElse(start);
        unreadable.accept(at, "is not Java this check can read (" + briefly(problem.getMessage()) + ")");
        return Optional.empty();
    }

    private int offsetOf(Position position) {
        int lineStart = 0;
        for (int line = 1; line < position.line; line++) {
            int newline = code.indexOf('\n', lineStart);
            if (newline < 0) {
                return start + code.length();
            }
            lineStart = newline + 1;
        }
        return start + Math.min(lineStart + position.column - 1, code.length());
    }

    /** JavaParser lists every token it would have accepted; what it found is what helps the author. */
    private static String briefly(String message) {
        String firstLine = message.lines().findFirst().orElse(message).strip();
        int expected = firstLine.indexOf(", expected");
        return expected > 0 ? firstLine.substring(0, expected) : firstLine;
    }
}
