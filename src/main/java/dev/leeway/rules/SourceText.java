package dev.leeway.rules;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.drools.drl.ast.descr.BaseDescr;

/**
 * A rule file's text, so that what is found in a piece of it (a constraint, a consequence) can be
 * reported at the line and column an editor shows for the whole file.
 */
final class SourceText {

    private final String path;
    private final String text;
    private final int[] lineStarts;

    SourceText(RuleFile file) {
        this.path = file.path();
        this.text = file.content();
        List<Integer> starts = new ArrayList<>(List.of(0));
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                starts.add(i + 1);
            }
        }
        this.lineStarts = starts.stream().mapToInt(Integer::intValue).toArray();
    }

    String path() {
        return path;
    }

    String text() {
        return text;
    }

    /** The offset of a line (counted from 1) and column (from 0), as the Drools parser counts them; -1 if outside. */
    int offsetOf(int line, int column) {
        if (line < 1 || line > lineStarts.length || column < 0) {
            return -1;
        }
        int offset = lineStarts[line - 1] + column;
        return offset <= text.length() ? offset : -1;
    }

    /** A problem at an offset, with the column counted from 1 like the compiler's own problems. */
    RuleProblem problemAt(int offset, String message) {
        int at = Math.max(0, Math.min(offset, text.length()));
        int found = Arrays.binarySearch(lineStarts, at);
        int line = found >= 0 ? found : -found - 2;
        return new RuleProblem(path, line + 1, at - lineStarts[line] + 1, message);
    }

    /** Where the parser says a descriptor starts: by the offset it kept, else by its line and column; 0 if neither. */
    int offsetOf(BaseDescr descr) {
        if (descr.getStartCharacter() >= 0 && descr.getStartCharacter() <= text.length()) {
            return descr.getStartCharacter();
        }
        return Math.max(offsetOf(descr.getLine(), descr.getColumn()), 0);
    }

    RuleProblem problemAt(BaseDescr descr, String message) {
        return problemAt(offsetOf(descr), message);
    }
}
