package dev.protodec.reports.render;

import dev.protodec.reports.analysis.Noise;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/** Number formatting for tables: thousands separators, precision by magnitude, "—" for missing. */
public final class Format {

    static final String MISSING = "—";

    private Format() {
    }

    /** Decimals that keep about four significant digits: 131,560 / 702.3 / 1.423 / 0.0123. */
    static int decimalsFor(double value) {
        double abs = Math.abs(value);
        if (abs >= 1000 || abs == 0 || !Double.isFinite(abs)) {
            return 0;
        }
        if (abs >= 100) {
            return 1;
        }
        if (abs >= 10) {
            return 2;
        }
        if (abs >= 1) {
            return 3;
        }
        return Math.min(9, 2 - (int) Math.floor(Math.log10(abs)));
    }

    /** A percentage or other setting as typed: {@code 10}, {@code 2.5}. */
    public static String plain(double value) {
        if (!Double.isFinite(value)) {
            return MISSING;
        }
        return new DecimalFormat("0.######", DecimalFormatSymbols.getInstance(Locale.ROOT)).format(value);
    }

    static String number(double value) {
        return Double.isFinite(value) ? fixed(value, decimalsFor(value)) : MISSING;
    }

    static String fixed(double value, int decimals) {
        if (!Double.isFinite(value)) {
            return MISSING;
        }
        DecimalFormat f = new DecimalFormat(decimals == 0 ? "#,##0" : "#,##0." + "0".repeat(decimals),
                DecimalFormatSymbols.getInstance(Locale.ROOT));
        String s = f.format(value);
        return s.equals("-0") ? "0" : s;
    }

    /** {@code 131,560 ± 4,712}: the error with the score's decimals; no ± part if there is no error. */
    public static String scoreWithError(double score, double error) {
        if (!Double.isFinite(score)) {
            return MISSING;
        }
        int decimals = decimalsFor(score);
        String s = fixed(score, decimals);
        return Double.isFinite(error) ? s + " ± " + fixed(error, decimals) : s;
    }

    /** The cell, followed by the {@link Noise#MARK} if {@code noisy}. */
    static String marked(String cell, boolean noisy) {
        return noisy ? cell + " " + Noise.MARK : cell;
    }

    /** Whole bytes, or {@code ≈ 0} for the fractions -prof gc reports when nothing was allocated. */
    static String bytes(double value) {
        if (!Double.isFinite(value)) {
            return MISSING;
        }
        return Math.abs(value) < 0.5 ? "≈ 0" : fixed(value, 0);
    }

    static String integer(double value) {
        return fixed(value, 0);
    }

    static String ratio(double value) {
        return Double.isFinite(value) ? fixed(value, 2) + "×" : MISSING;
    }

    public static String percentChange(double value) {
        if (!Double.isFinite(value)) {
            return MISSING;
        }
        return (value > 0 ? "+" : "") + fixed(value, 1) + "%";
    }

    /** {@code 0.0022}, {@code 0.31}: two significant digits, {@code —} if there is none. */
    public static String pValue(double value) {
        if (!Double.isFinite(value)) {
            return MISSING;
        }
        return value >= 0.01 ? fixed(value, 2) : new DecimalFormat("0.0#E0", DecimalFormatSymbols.getInstance(Locale.ROOT))
                .format(value).replace("E", "e");
    }

    static String millis(double value) {
        return Double.isFinite(value) ? fixed(value, value >= 100 ? 0 : 3) : MISSING;
    }
}
