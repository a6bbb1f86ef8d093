package dev.leeway.scenario;

/** A scenario file that cannot be read, located by file, line and column. */
public class ScenarioFileException extends RuntimeException {

    public ScenarioFileException(String file, int line, int column, String message) {
        super(file + ":" + line + ":" + column + ": " + message);
    }
}
