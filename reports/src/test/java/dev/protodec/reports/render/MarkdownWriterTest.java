package dev.protodec.reports.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.protodec.reports.render.Block.Align;
import java.util.List;
import org.junit.jupiter.api.Test;

class MarkdownWriterTest {

    @Test
    void tablesArePaddedAndRightAlignedColumnsMarked() {
        Block.Table table = new Block.Table(List.of("Contender", "Score"), List.of(Align.LEFT, Align.RIGHT),
                List.of(List.of("dynamic", "131,560"), List.of("a|b", "7")));

        assertEquals("""
                | Contender |   Score |
                | --------- | ------: |
                | dynamic   | 131,560 |
                | a\\|b      |       7 |""", MarkdownWriter.table(table));
    }

    @Test
    void writesEveryBlockKind() {
        Report report = new Report("T", List.of(
                new Block.Heading(1, "T"),
                new Block.Paragraph("Some `code`."),
                new Block.Bullets(List.of("one", "two")),
                new Block.Figure(new ChartImage("g01-score", "Throughput — X [mode=deep]", new byte[] {1}))));

        assertEquals("""
                # T

                Some `code`.

                - one
                - two

                ![Throughput — X (mode=deep)](charts/g01-score.png)
                """, new MarkdownWriter("charts").write(report));
    }
}
