package dev.leeway.rules;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.drools.drl.ast.descr.AbstractClassTypeDeclarationDescr;
import org.drools.drl.ast.descr.AttributeDescr;
import org.drools.drl.ast.descr.EntryPointDeclarationDescr;
import org.drools.drl.ast.descr.EnumDeclarationDescr;
import org.drools.drl.ast.descr.FunctionDescr;
import org.drools.drl.ast.descr.FunctionImportDescr;
import org.drools.drl.ast.descr.GlobalDescr;
import org.drools.drl.ast.descr.ImportDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.ast.descr.WindowDeclarationDescr;
import org.drools.drl.parser.DrlParser;
import org.drools.drl.parser.DroolsError;
import org.drools.drl.parser.DroolsParserException;
import org.drools.drl.parser.ParserError;

/**
 * Rules can only decide: refuses, before Drools compiles or runs any of it, a rule file that does
 * more than read facts and write through the decision vocabulary. It may import only from the fact
 * model and value types, declare only the {@code decision} global, and no functions, queries, types
 * or units; rule attributes and metadata are literals; conditions are checked by
 * {@link ConditionCheck}, consequences by {@link ConsequenceCheck}. A file is read with the DRL
 * parser the compiler itself uses, so that what is checked is what would be compiled.
 */
final class DecideOnlyCheck {

    static final String VOCABULARY_GLOBAL = RuleSet.VOCABULARY_GLOBAL;

    /**
     * Every problem in the files, in file and line order; empty when every file only decides.
     * Calendar and vocabulary files hold data, not code: {@link RuleSetCompiler} has them checked as such.
     */
    List<RuleProblem> problemsIn(List<RuleFile> files) {
        List<RuleProblem> problems = new ArrayList<>();
        for (RuleFile file : files) {
            if (!RuleFiles.isData(file.path())) {
                problems.addAll(problemsIn(file));
            }
        }
        problems.sort(Comparator.comparing(RuleProblem::file).thenComparingInt(RuleProblem::line)
                .thenComparingInt(RuleProblem::column));
        return problems;
    }

    private List<RuleProblem> problemsIn(RuleFile file) {
        Findings findings = new Findings(new SourceText(file));
        if (!file.path().endsWith(".drl")) {
            // The compiler would read other kinds of files (decision tables, DSL rules, Java) in ways this check does not.
            findings.refuse(0, "only .drl rule files are accepted, and this check reads only those");
            return findings.problems();
        }
        DrlParser parser = new DrlParser();
        PackageDescr rules;
        try {
            rules = parser.parse(false, file.content());
        } catch (DroolsParserException e) {
            findings.refuse(0, e.getMessage());
            return findings.problems();
        }
        if (parser.hasErrors() || rules == null) {
            // A file that does not parse is not compiled either; it is reported as the compiler reports it.
            parser.getErrors().forEach(error -> findings.add(problemOf(file, error)));
            return findings.problems();
        }
        ImportedTypes types = new ImportedTypes(rules.getName(), rules.getImports());
        imports(rules, findings);
        globals(rules, findings);
        declarations(rules, findings);
        RuleHeaderCheck header = new RuleHeaderCheck(findings);
        header.attributes(rules.getAttributes(), "package " + rules.getName());
        // Drools copies the package's attributes into each rule; they are reported once, for the package.
        Set<AttributeDescr> inherited = Collections.newSetFromMap(new IdentityHashMap<>());
        inherited.addAll(rules.getAttributes());
        for (RuleDescr rule : rules.getRules()) {
            if (rule.isQuery()) {
                findings.refuse(rule, "\"query " + rule.getName() + "\" declares a query; a rule file only decides");
                continue;
            }
            header.attributes(rule.getAttributes().values().stream().filter(a -> !inherited.contains(a)).toList(),
                    "rule \"" + rule.getName() + "\"");
            header.metadata(rule);
            Map<String, Class<?>> bindings = new ConditionCheck(findings, types, rule.getName()).check(rule.getLhs());
            if (!rule.getNamedConsequences().isEmpty()) {
                rule.getNamedConsequences().keySet().forEach(name -> findings.refuse(rule, "rule \"" + rule.getName()
                        + "\": \"then[" + name + "]\" is a second consequence; a rule has one"));
            }
            new ConsequenceCheck(findings, types, rule, bindings.keySet()).check();
        }
        return findings.problems();
    }

    private static void imports(PackageDescr rules, Findings findings) {
        for (ImportDescr anImport : rules.getImports()) {
            String target = anImport.getTarget();
            String packageName = target.endsWith(".*") ? target.substring(0, target.length() - 2)
                    : ImportedTypes.packageOf(target);
            if (!FactModel.mayImportFrom(packageName)) {
                findings.refuse(anImport, "\"import " + target + "\" is outside the fact model: a rule file imports only "
                        + "from " + FactModel.FACTS + " and the value types of java.time and java.math");
            }
        }
        for (FunctionImportDescr function : rules.getFunctionImports()) {
            boolean isStatic = findings.source().text().startsWith("import static", findings.source().offsetOf(function));
            findings.refuse(function, "\"import " + (isStatic ? "static " : "function ") + function.getTarget()
                    + "\" brings code into the rules");
        }
        for (ImportDescr accumulate : rules.getAccumulateImports()) {
            findings.refuse(accumulate, "\"import accumulate " + accumulate.getTarget() + "\" brings code into the rules");
        }
    }

    private static void globals(PackageDescr rules, Findings findings) {
        for (GlobalDescr global : rules.getGlobals()) {
            boolean vocabulary = DecisionVocabulary.GLOBAL_TYPE.equals(global.getType())
                    && VOCABULARY_GLOBAL.equals(global.getIdentifier());
            if (!vocabulary) {
                findings.refuse(global, "\"global " + global.getType() + " " + global.getIdentifier()
                        + "\": the only global a rule file may declare is " + DecisionVocabulary.GLOBAL_TYPE + " "
                        + VOCABULARY_GLOBAL);
            }
        }
    }

    private static void declarations(PackageDescr rules, Findings findings) {
        if (rules.getUnit() != null) {
            findings.refuse(rules.getUnit(), "\"unit " + rules.getUnit().getTarget() + "\": rule units are refused; "
                    + "rules match the facts the engine is given");
        }
        for (FunctionDescr function : rules.getFunctions()) {
            findings.refuse(function, "\"function " + function.getName() + "\" declares code; a rule file only decides");
        }
        for (AbstractClassTypeDeclarationDescr type : rules.getClassAndEnumDeclarationDescrs()) {
            String kind = type instanceof EnumDeclarationDescr ? "declare enum " : "declare ";
            findings.refuse(type, "\"" + kind + type.getTypeName() + "\" declares a type; rules match the facts of "
                    + FactModel.FACTS);
        }
        for (WindowDeclarationDescr window : rules.getWindowDeclarations()) {
            findings.refuse(window, "\"declare window " + window.getName() + "\" keeps facts from earlier evaluations");
        }
        for (EntryPointDeclarationDescr entryPoint : rules.getEntryPointDeclarations()) {
            findings.refuse(entryPoint, "\"declare entry-point " + entryPoint.getEntryPointId()
                    + "\" reads facts the engine is not given");
        }
    }

    /** As {@link RuleSetCompiler} reports a parse error, so that a syntax error reads the same as before this check. */
    private static RuleProblem problemOf(RuleFile file, DroolsError error) {
        if (error instanceof ParserError located && located.getRow() > 0) {
            return new RuleProblem(file.path(), located.getRow(), located.getCol() + 1, error.getMessage().strip());
        }
        int[] lines = error.getLines();
        int line = lines != null && lines.length > 0 ? Math.max(lines[0], 0) : 0;
        return new RuleProblem(file.path(), line, line > 0 ? 1 : 0, error.getMessage().strip());
    }
}
