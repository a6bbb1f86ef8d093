package dev.leeway.rules;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.drools.drl.ast.descr.ImportDescr;

/**
 * Resolves the type names a rule file writes to the classes of the fact model and value types it
 * imports. A simple name that might also mean a class of the file's own package or of
 * {@code java.lang} (which Drools looks in too) resolves to nothing, so that the check never reads
 * a name as a different class than the compiler would.
 */
final class ImportedTypes {

    private final String ownPackage;
    private final Map<String, String> singleClasses = new HashMap<>();
    private final List<String> wholePackages = new ArrayList<>();

    /** Only the imports the fact model allows; the others are refused by the file check. */
    ImportedTypes(String ownPackage, List<ImportDescr> imports) {
        this.ownPackage = ownPackage;
        for (ImportDescr anImport : imports) {
            String target = anImport.getTarget();
            if (target.endsWith(".*")) {
                String packageName = target.substring(0, target.length() - 2);
                if (FactModel.mayImportFrom(packageName)) {
                    wholePackages.add(packageName);
                }
            } else if (FactModel.mayImportFrom(packageOf(target))) {
                singleClasses.put(target.substring(target.lastIndexOf('.') + 1), target);
            }
        }
    }

    static String packageOf(String qualifiedName) {
        int dot = qualifiedName.lastIndexOf('.');
        return dot < 0 ? "" : qualifiedName.substring(0, dot);
    }

    /** The class a type name as written means, if it is one of the fact model or value types. */
    Optional<Class<?>> resolve(String written) {
        if (written.contains(".")) {
            return FactModel.mayImportFrom(packageOf(written)) ? load(written) : Optional.empty();
        }
        String single = singleClasses.get(written);
        if (single != null) {
            return load(single);
        }
        Set<Class<?>> meanings = new LinkedHashSet<>();
        wholePackages.forEach(packageName -> load(packageName + "." + written).ifPresent(meanings::add));
        if (!ownPackage.isEmpty()) {
            load(ownPackage + "." + written).ifPresent(meanings::add);
        }
        load("java.lang." + written).ifPresent(meanings::add);
        return meanings.size() == 1 && FactModel.mayImportFrom(meanings.iterator().next().getPackageName())
                ? Optional.of(meanings.iterator().next()) : Optional.empty();
    }

    /** The type of a constant written as a type name and a field, e.g. {@code BigDecimal.ZERO}. */
    Optional<Class<?>> constant(List<String> names) {
        if (names.size() < 2) {
            return Optional.empty();
        }
        String type = String.join(".", names.subList(0, names.size() - 1));
        return resolve(type).flatMap(resolved -> FactModel.constant(resolved, names.get(names.size() - 1)));
    }

    /** Loads without initialising, so that no static code of the class runs. */
    private static Optional<Class<?>> load(String qualifiedName) {
        try {
            return Optional.of(Class.forName(qualifiedName, false, ImportedTypes.class.getClassLoader()));
        } catch (ClassNotFoundException | LinkageError | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
