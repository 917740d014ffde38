package dev.protodec.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReportOptionsTest {

    @Test
    void listOptionsTakeSeveralFilesAndRepeat() throws UsageException {
        ReportOptions o = ReportOptions.parse("--results", "a.json", "b.json", "--gc-log", "gc1.log",
                "--results=c.json", "--gc-log", "gc2.log", "--out", "target/r");

        assertEquals(List.of(Path.of("a.json"), Path.of("b.json"), Path.of("c.json")), o.results());
        assertEquals(List.of(Path.of("gc1.log"), Path.of("gc2.log")), o.gcLogs());
        assertEquals(Path.of("target/r"), o.out());
        assertEquals(15.0, o.thresholdPercent());
        assertEquals(ReportOptions.DEFAULT_TITLE, o.title());
        assertEquals("dynamic", o.grouping().reference());
        assertEquals("_", o.grouping().variantSeparator());
    }

    @Test
    void settings() throws UsageException {
        ReportOptions o = ReportOptions.parse("--results", "a.json", "--out", "o", "--threshold", "5%",
                "--title", "JDK 25 run", "--reference", "none", "--variant-separator", "none", "--baseline", "old.json");

        assertEquals(5.0, o.thresholdPercent());
        assertEquals("JDK 25 run", o.title());
        assertEquals("", o.grouping().reference());
        assertEquals("", o.grouping().variantSeparator());
        assertEquals(List.of(Path.of("old.json")), o.baselines());
    }

    @Test
    void mistakesAreExplained() {
        assertEquals("--results <jmh.json> is required", message("--out", "o"));
        assertEquals("--out <dir> is required", message("--results", "a.json"));
        assertEquals("unknown option --colour", message("--results", "a.json", "--colour", "red"));
        assertEquals("--results needs at least one file", message("--results", "--out", "o"));
        assertEquals("--threshold must be a number of percent, such as 10: ten",
                message("--results", "a.json", "--out", "o", "--threshold", "ten"));
        assertEquals("--threshold must be zero or more: -1",
                message("--results", "a.json", "--out", "o", "--threshold=-1"));
        assertTrue(message("--results", "a.json", "--out", "o", "stray").startsWith("unexpected argument stray"));
    }

    private static String message(String... args) {
        return assertThrows(UsageException.class, () -> ReportOptions.parse(args)).getMessage();
    }
}
