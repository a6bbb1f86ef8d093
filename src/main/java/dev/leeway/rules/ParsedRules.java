package dev.leeway.rules;

import java.util.Optional;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.parser.DrlParser;
import org.drools.drl.parser.DroolsParserException;

/** A rule file as Drools' DRL parser reads it, for checks that leave unparsable files to the compiler. */
final class ParsedRules {

    private ParsedRules() {}

    /** The file's package of rules; empty when it does not parse (the compiler reports that). */
    static Optional<PackageDescr> of(RuleFile file) {
        DrlParser parser = new DrlParser();
        try {
            PackageDescr rules = parser.parse(false, file.content());
            return parser.hasErrors() || rules == null ? Optional.empty() : Optional.of(rules);
        } catch (DroolsParserException e) {
            return Optional.empty();
        }
    }
}
