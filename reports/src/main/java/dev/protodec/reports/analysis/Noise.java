package dev.protodec.reports.analysis;

/**
 * When a score is too noisy to be compared: its 99.9% error is wider than the differences the
 * report is read for. The rule is deliberately one number, so that a reader can check it by eye.
 */
public final class Noise {

    /** A score whose error exceeds this fraction of it is noisy: 10%. */
    public static final double MAX_RELATIVE_ERROR = 0.10;

    /** The marker the tables put after a noisy score and after a ratio built on one. */
    public static final String MARK = "⚠";

    /** The rule, as the report and the module's README state it. */
    public static final String RULE = MARK + " marks a *noisy* score: its 99.9% error is more than 10% of the "
            + "score, wider than the differences of 10% this report is read for, so it cannot tell such "
            + "differences apart. A ratio is marked when its contender or the reference is noisy. "
            + "A longer run (`bin/benchmark full`) or a quieter machine narrows the error.";

    /** The legend line under a table with a marked cell. */
    public static final String LEGEND = MARK + " noisy: the 99.9% error is more than 10% of the score; a marked "
            + "ratio rests on a noisy score (the contender's or the reference's).";

    private Noise() {
    }

    /** Whether {@code error} (NaN if JMH had none, which is not noisy) exceeds 10% of {@code score}. */
    public static boolean isNoisy(double score, double error) {
        return Double.isFinite(score) && Double.isFinite(error) && score != 0
                && Math.abs(error) > MAX_RELATIVE_ERROR * Math.abs(score);
    }
}
