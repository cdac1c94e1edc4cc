package de.digitalcheck.portal.readiness;

/** A questionnaire file that cannot be used: names the file, the line and the problem. */
public class QuestionnaireException extends RuntimeException {

    private final String file;
    private final int line;
    private final String problem;

    public QuestionnaireException(String file, int line, String problem) {
        super("Questionnaire " + file + (line > 0 ? ", line " + line : "") + ": " + problem);
        this.file = file;
        this.line = line;
        this.problem = problem;
    }

    public String file() {
        return file;
    }

    public int line() {
        return line;
    }

    public String problem() {
        return problem;
    }
}
