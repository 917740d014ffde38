package dev.protodec.reports;

import dev.protodec.reports.analysis.BaselineReport;
import dev.protodec.reports.analysis.Comparison;
import dev.protodec.reports.analysis.EnvironmentProbe;
import dev.protodec.reports.read.ReportInputException;
import dev.protodec.reports.render.Format;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.FileSystemException;
import java.time.Clock;

/**
 * The command: {@code java -jar protodec-reports.jar --results jmh.json --out target/report}.
 * Prints the absolute paths of report.md and report.html, one per line, and exits with an
 * {@link ExitCode}. This is the only class that writes to the console.
 */
public final class ReportMain {

    private ReportMain() {
    }

    public static void main(String[] args) {
        System.setProperty("java.awt.headless", "true");
        System.exit(run(args, System.out, System.err).status());
    }

    /** Runs the command with the given console streams; does not exit. */
    public static ExitCode run(String[] args, PrintStream out, PrintStream err) {
        if (ReportOptions.wantsHelp(args)) {
            out.print(ReportOptions.USAGE);
            return ExitCode.OK;
        }
        ReportOptions options;
        try {
            options = ReportOptions.parse(args);
        } catch (UsageException e) {
            err.println("error: " + e.getMessage());
            err.println("Run with --help for usage.");
            return ExitCode.BAD_INPUT;
        }
        ReportOutcome outcome;
        try {
            outcome = new ReportGenerator(EnvironmentProbe.forThisMachine(), Clock.systemDefaultZone())
                    .generate(options);
        } catch (ReportInputException e) {
            err.println("error: " + e.getMessage());
            return ExitCode.BAD_INPUT;
        } catch (IOException e) {
            err.println("error: cannot write the report to " + options.out().toAbsolutePath() + ": " + describe(e));
            return ExitCode.FAILURE;
        } catch (UncheckedIOException e) {
            err.println("error: cannot write the report to " + options.out().toAbsolutePath() + ": "
                    + describe(e.getCause()));
            return ExitCode.FAILURE;
        }
        outcome.warnings().forEach(w -> err.println("warning: " + w));
        out.println(outcome.markdown());
        out.println(outcome.html());
        if (outcome.regressed()) {
            BaselineReport baseline = outcome.baseline().orElseThrow();
            err.println("regression against the baseline (threshold " + Format.plain(baseline.thresholdPercent())
                    + "%): " + baseline.summaryLine());
            for (Comparison c : baseline.regressions()) {
                err.println("  " + c.key().display() + ": " + Format.scoreWithError(c.oldScore(), c.oldError())
                        + " -> " + Format.scoreWithError(c.newScore(), c.newError()) + " " + c.unit()
                        + " (" + Format.percentChange(c.changePercent()) + "; gated: median "
                        + Format.percentChange(c.gatedChangePercent())
                        + ", p = " + Format.pValue(c.pValue()) + ")");
            }
            return ExitCode.REGRESSION;
        }
        return ExitCode.OK;
    }

    /** "No such file or directory (/x/y)" rather than a bare path, which is all some exceptions say. */
    private static String describe(IOException e) {
        if (e instanceof FileSystemException fs) {
            String reason = fs.getReason() != null ? fs.getReason() : fs.getClass().getSimpleName();
            return reason + " (" + fs.getFile() + ")";
        }
        return String.valueOf(e.getMessage());
    }
}
