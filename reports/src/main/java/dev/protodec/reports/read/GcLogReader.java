package dev.protodec.reports.read;

import dev.protodec.reports.model.GcLog;
import dev.protodec.reports.model.GcPause;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads pauses from a unified JVM GC log ({@code -Xlog:gc:file=...}, JDK 9 and later).
 *
 * <p>A pause is a line whose message is {@code GC(n) Pause <kind ...> [heap] <t>ms}, such as
 * <pre>[0.123s][info][gc] GC(3) Pause Young (Normal) (G1 Evacuation Pause) 24M->3M(256M) 1.234ms</pre>
 * That covers G1, Parallel, Serial, Shenandoah (<i>Pause Init Mark</i>, ...) and, with
 * {@code -Xlog:gc*}, ZGC's phase lines (generational ZGC writes {@code GC(3) Y: Pause Mark Start}). Concurrent phases ({@code Concurrent Mark Cycle 58ms}) are
 * not pauses and are skipped, as are {@code gc,start} lines that carry no duration. The uptime
 * decoration may be in seconds ({@code [0.123s]}), milliseconds ({@code [123ms]}) or nanoseconds.
 */
public final class GcLogReader {

    /** The leading {@code [...]} decorations, then the message. */
    private static final Pattern LINE = Pattern.compile("^((?:\\[[^\\]]*\\])*)\\s*(.*?)\\s*$");
    private static final Pattern DECORATION = Pattern.compile("\\[([^\\]]*)\\]");
    private static final Pattern UPTIME = Pattern.compile("(\\d+(?:[.,]\\d+)?)(s|ms|ns)");
    private static final Pattern PAUSE = Pattern.compile(
            "^GC\\((\\d+)\\)\\s+(?:[YO]:\\s+)?(Pause\\s.*?)(?:\\s+(\\d+[BKMGT]?->\\d+[BKMGT]?\\(\\d+[BKMGT]?\\)))?\\s+(\\d+(?:[.,]\\d+)?)ms$");
    private static final Pattern USING = Pattern.compile("^Using (.+)$");

    public GcLog read(Path file) throws ReportInputException {
        if (Files.isDirectory(file)) {
            throw ReportInputException.notAFile(file);
        }
        try {
            return parse(file, Files.readAllLines(file, StandardCharsets.UTF_8));
        } catch (IOException | UncheckedIOException e) {
            IOException cause = e instanceof UncheckedIOException u ? u.getCause() : (IOException) e;
            throw ReportInputException.unreadable(file, cause);
        }
    }

    /** Parses lines already read; {@code source} only names the log. */
    public GcLog parse(Path source, List<String> lines) {
        String collector = "unknown";
        List<GcPause> pauses = new ArrayList<>();
        for (String line : lines) {
            Matcher m = LINE.matcher(line);
            if (!m.matches()) {
                continue;
            }
            String message = m.group(2);
            Matcher using = USING.matcher(message);
            if (using.matches() && collector.equals("unknown")) {
                collector = using.group(1);
                continue;
            }
            Matcher pause = PAUSE.matcher(message);
            if (pause.matches()) {
                pauses.add(new GcPause(
                        uptimeSeconds(m.group(1)),
                        Integer.parseInt(pause.group(1)),
                        kind(pause.group(2)),
                        pause.group(2),
                        pause.group(3) == null ? "" : pause.group(3),
                        decimal(pause.group(4))));
            }
        }
        return new GcLog(source, collector, pauses, lines.size());
    }

    /** {@code Pause Young (Normal) (G1 Evacuation Pause)} is a {@code Young} pause. */
    static String kind(String description) {
        String kind = description.substring("Pause".length()).strip();
        int paren = kind.indexOf('(');
        return (paren < 0 ? kind : kind.substring(0, paren)).strip();
    }

    private static double uptimeSeconds(String decorations) {
        Matcher d = DECORATION.matcher(decorations);
        while (d.find()) {
            Matcher u = UPTIME.matcher(d.group(1).strip());
            if (u.matches()) {
                double value = decimal(u.group(1));
                switch (u.group(2)) {
                    case "ms":
                        return value / 1e3;
                    case "ns":
                        return value / 1e9;
                    default:
                        return value;
                }
            }
        }
        return Double.NaN;
    }

    private static double decimal(String text) {
        return Double.parseDouble(text.replace(',', '.'));
    }
}
