package dev.protodec.reports;

/** The command's exit statuses. */
public enum ExitCode {
    /** The report was written (and no benchmark regressed against the baseline, if one was given). */
    OK(0),
    /** The report could not be written, or something unexpected failed. */
    FAILURE(1),
    /** Bad command line, or an input file that is missing, unreadable or not what it should be. */
    BAD_INPUT(2),
    /** The report was written, and at least one benchmark regressed against the baseline. */
    REGRESSION(3);

    private final int status;

    ExitCode(int status) {
        this.status = status;
    }

    public int status() {
        return status;
    }
}
