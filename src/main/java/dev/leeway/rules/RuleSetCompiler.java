package dev.leeway.rules;

import dev.leeway.calendar.CalendarFiles;
import dev.leeway.calendar.Calendars;
import dev.leeway.terms.Vocabulary;
import dev.leeway.terms.VocabularyFile;
import dev.leeway.yaml.FileProblem;
import dev.leeway.vocabulary.RuleRef;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import org.drools.base.definitions.rule.impl.RuleImpl;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;
import org.springframework.stereotype.Component;

/**
 * Compiles a rule set's files into a {@link RuleSet} — DRL through Drools, {@code calendars/*.yaml}
 * through {@link CalendarFiles}, {@code vocabulary.yaml} through {@link VocabularyFile} — or
 * reports every problem with file, line and column: anything a calendar or the vocabulary gets
 * wrong, a rule that counts on a calendar the set does not define or compares with a value its
 * vocabulary does not declare (see {@link TermReferenceCheck}), anything
 * a rule file does beyond deciding (see {@link DecideOnlyCheck}), syntax and type errors
 * from Drools, plus the charter's own requirements — every rule carries {@code @id},
 * {@code @owner} and {@code @description}, ids are unique, and rules under {@code escapes/} also
 * carry {@code @escape}. Every way rules arrive (startup, reload, file watch, validate, what-if
 * runs, audit replays, the offline CLI) compiles them here.
 */
@Component
public class RuleSetCompiler {

    static final String DESCRIPTION_KEY = "org.kie.api.definition.type.Description";
    private static final String SOURCE_ROOT = "src/main/resources/";

    private final DecideOnlyCheck decideOnly = new DecideOnlyCheck();
    private final CalendarReferenceCheck calendarReferences = new CalendarReferenceCheck();

    public RuleSet compile(List<RuleFile> files, Instant loadedAt) {
        boolean ownVocabulary = RuleFiles.vocabularyFile(files).isPresent();
        List<RuleFile> ruleFiles = files.stream().filter(file -> !RuleFiles.isData(file.path()))
                .map(file -> ownVocabulary ? file : LegacyValueConstants.rewritten(file))
                .toList();
        if (ruleFiles.isEmpty()) {
            throw new RuleSetInvalidException(List.of(new RuleProblem("", 0, 0, "no .drl rule files found")));
        }
        Map<String, String> calendarFiles = files.stream().filter(file -> CalendarFiles.isCalendar(file.path()))
                .collect(Collectors.toMap(RuleFile::path, RuleFile::content, (a, b) -> b, TreeMap::new));
        CalendarFiles.Parsed calendars = CalendarFiles.parse(calendarFiles);
        List<RuleProblem> dataProblems = new ArrayList<>(problems(calendars.problems()));
        dataProblems.addAll(calendarReferences.problemsIn(ruleFiles,
                calendarFiles.keySet().stream().map(CalendarFiles::nameOf).collect(Collectors.toSet())));
        VocabularyFile.Parsed vocabulary = RuleFiles.vocabulary(files);
        dataProblems.addAll(problems(vocabulary.problems()));
        vocabulary.vocabulary().ifPresent(terms -> dataProblems.addAll(new TermReferenceCheck(terms).problemsIn(ruleFiles)));
        // Before Drools sees any of the candidate: its compiler already evaluates metadata as code,
        // and what it compiles may run as soon as a decision is asked for.
        List<RuleProblem> refused = decideOnly.problemsIn(ruleFiles);
        if (!refused.isEmpty() || !dataProblems.isEmpty()) {
            throw new RuleSetInvalidException(sorted(dataProblems, refused));
        }
        KieServices kieServices = KieServices.get();
        ReleaseId releaseId = kieServices.newReleaseId("dev.leeway.rules", "ruleset", "1.0.0-" + UUID.randomUUID());
        KieFileSystem fileSystem = kieServices.newKieFileSystem().generateAndWritePomXML(releaseId);
        ruleFiles.forEach(file -> fileSystem.write(SOURCE_ROOT + file.path(), file.content()));

        KieBuilder builder = kieServices.newKieBuilder(fileSystem).buildAll();
        List<RuleProblem> problems = located(builder.getResults().getMessages(Message.Level.ERROR).stream()
                .map(RuleSetCompiler::toProblem)
                .toList());
        if (!problems.isEmpty()) {
            throw new RuleSetInvalidException(problems);
        }
        KieBase kieBase;
        try {
            kieBase = kieServices.newKieContainer(releaseId).getKieBase();
        } finally {
            // The container keeps what it needs; the global repository would otherwise keep every version ever built.
            kieServices.getRepository().removeKieModule(releaseId);
        }
        return describe(files, ruleFiles, calendars.calendars(), vocabulary.vocabulary().orElseThrow(), loadedAt,
                kieBase);
    }

    private static List<RuleProblem> problems(List<FileProblem> found) {
        return found.stream()
                .map(problem -> new RuleProblem(problem.file(), problem.line(), problem.column(), problem.message()))
                .toList();
    }

    private static List<RuleProblem> sorted(List<RuleProblem> some, List<RuleProblem> others) {
        List<RuleProblem> all = new ArrayList<>(some);
        all.addAll(others);
        all.sort(Comparator.comparing(RuleProblem::file).thenComparingInt(RuleProblem::line)
                .thenComparingInt(RuleProblem::column));
        return all;
    }

    private RuleSet describe(List<RuleFile> files, List<RuleFile> ruleFiles, Calendars calendars, Vocabulary vocabulary,
            Instant loadedAt, KieBase kieBase) {
        Map<String, DeclaredRules.Declaration> declarations = new HashMap<>();
        for (RuleFile file : ruleFiles) {
            for (DeclaredRules.Declaration declaration : DeclaredRules.in(file)) {
                declarations.put(RuleSet.key(declaration.packageName(), declaration.name()), declaration);
            }
        }
        List<RuleProblem> problems = new ArrayList<>();
        List<RuleInfo> rules = new ArrayList<>();
        Map<Rule, RuleRef> rulesByRule = new IdentityHashMap<>();
        Map<String, RuleInfo> byId = new LinkedHashMap<>();
        for (KiePackage kiePackage : kieBase.getKiePackages()) {
            for (Rule rule : kiePackage.getRules()) {
                String key = RuleSet.key(rule.getPackageName(), rule.getName());
                DeclaredRules.Declaration at = declarations.getOrDefault(key,
                        new DeclaredRules.Declaration("?", rule.getPackageName(), rule.getName(), 0, 0));
                Map<String, Object> metadata = metadataOf(rule);
                problems.addAll(missingMetadata(at, metadata));
                String id = metadata.get("id") == null ? null : metadata.get("id").toString();
                int salience = ((RuleImpl) rule).getSalienceValue();
                RuleInfo info = new RuleInfo(rule.getName(), id, at.file(), at.line(), salience, metadata);
                if (id != null) {
                    RuleInfo twin = byId.putIfAbsent(id, info);
                    if (twin != null) {
                        problems.add(new RuleProblem(at.file(), at.line(), at.column(), "duplicate @id(\"" + id
                                + "\"): also used by rule \"" + twin.name() + "\" at " + twin.file() + ":" + twin.line()));
                    }
                }
                rules.add(info);
                rulesByRule.put(rule, new RuleRef(rule.getName(), id, at.file(), salience));
            }
        }
        if (!problems.isEmpty()) {
            problems.sort(Comparator.comparing(RuleProblem::file).thenComparingInt(RuleProblem::line));
            throw new RuleSetInvalidException(problems);
        }
        rules.sort(Comparator.comparing(RuleInfo::file).thenComparingInt(RuleInfo::line));
        boolean bindsVocabulary = kieBase.getKiePackages().stream()
                .flatMap(kiePackage -> kiePackage.getGlobalVariables().stream())
                .anyMatch(global -> RuleSet.VOCABULARY_GLOBAL.equals(global.getName()));
        return new RuleSet(RuleFiles.version(files), loadedAt, List.copyOf(files), List.copyOf(rules), kieBase,
                Collections.unmodifiableMap(rulesByRule), calendars, vocabulary, bindsVocabulary);
    }

    /** Drools files {@code @description} under its own annotation's name; the listing shows the name the author wrote. */
    private static Map<String, Object> metadataOf(Rule rule) {
        Map<String, Object> metadata = new LinkedHashMap<>();
        rule.getMetaData().forEach((name, value) ->
                metadata.put(DESCRIPTION_KEY.equals(name) ? "description" : name, value));
        return metadata;
    }

    private static List<RuleProblem> missingMetadata(DeclaredRules.Declaration at, Map<String, Object> metadata) {
        List<String> required = new ArrayList<>(List.of("id", "owner", "description"));
        if (at.file().startsWith("escapes/")) {
            required.add("escape");
        }
        return required.stream()
                .filter(name -> metadata.get(name) == null || metadata.get(name).toString().isBlank())
                .map(name -> new RuleProblem(at.file(), at.line(), at.column(),
                        "rule \"" + at.name() + "\" has no @" + name + " metadata"))
                .toList();
    }

    /**
     * Drools follows a parse error with a location-less "Parser returned a null Package"; where a
     * file has a located problem, such echoes only hide it.
     */
    private static List<RuleProblem> located(List<RuleProblem> problems) {
        Set<String> filesWithLocation = new HashSet<>();
        problems.stream().filter(problem -> problem.line() > 0).forEach(problem -> filesWithLocation.add(problem.file()));
        return problems.stream()
                .filter(problem -> problem.line() > 0 || !filesWithLocation.contains(problem.file()))
                .sorted(Comparator.comparing(RuleProblem::file).thenComparingInt(RuleProblem::line))
                .toList();
    }

    private static RuleProblem toProblem(Message message) {
        String path = message.getPath() == null ? "" : message.getPath();
        if (path.startsWith(SOURCE_ROOT)) {
            path = path.substring(SOURCE_ROOT.length());
        }
        // Drools counts columns from 0 (as its parser does); editors and our own problems count from 1.
        int column = message.getLine() > 0 ? message.getColumn() + 1 : 0;
        return new RuleProblem(path, message.getLine(), column, message.getText().strip());
    }
}
