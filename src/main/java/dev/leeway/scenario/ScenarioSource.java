package dev.leeway.scenario;

/**
 * The raw text of a scenario file, kept so that a failing scenario can be reported at its line.
 *
 * @param path relative to the rules directory, e.g. {@code tests/goodwill.yaml}
 */
public record ScenarioSource(String path, String content) {

    /** The line on which the scenario with this name is declared (1 when it cannot be found). */
    public int lineOf(String scenarioName) {
        String[] lines = content.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.startsWith("- name:") || line.startsWith("name:")) {
                String name = line.substring(line.indexOf(':') + 1).strip();
                if (unquote(name).equals(scenarioName)) {
                    return i + 1;
                }
            }
        }
        return 1;
    }

    private static String unquote(String value) {
        if (value.length() >= 2 && (value.startsWith("\"") && value.endsWith("\"")
                || value.startsWith("'") && value.endsWith("'"))) {
            return value.substring(1, value.length() - 1);
        }
        return value;
    }
}
