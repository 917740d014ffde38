package dev.protodec.reports.model;

import java.nio.file.Path;
import java.util.List;

/**
 * The pauses found in one unified GC log.
 *
 * @param source    the log file
 * @param collector from the {@code Using G1} line, or {@code unknown}
 * @param pauses    pauses in log order
 * @param lines     lines read
 */
public record GcLog(Path source, String collector, List<GcPause> pauses, int lines) {

    public GcLog {
        pauses = List.copyOf(pauses);
    }
}
