package dev.protodec.reports.analysis;

/** The outcome of comparing one benchmark with its baseline. */
public enum Verdict {
    IMPROVED("improved"),
    REGRESSED("regressed"),
    WITHIN_NOISE("within noise"),
    /** Too few iterations in one of the runs for the U test ever to reach its p-value. */
    TOO_FEW_ITERATIONS("too few iterations"),
    /** The two results use units that cannot be converted into each other. */
    NOT_COMPARABLE("not comparable");

    private final String text;

    Verdict(String text) {
        this.text = text;
    }

    public String text() {
        return text;
    }
}
