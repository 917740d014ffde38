package dev.protodec.reports.render;

import java.util.List;

/**
 * One piece of the report, written the same way into Markdown and HTML. Text may use two inline
 * marks, which both writers understand: {@code `code`} and {@code **bold**}.
 */
public sealed interface Block {

    /** A section heading; level 1 is the report title. */
    record Heading(int level, String text) implements Block {
    }

    record Paragraph(String text) implements Block {
    }

    record Bullets(List<String> items) implements Block {
        public Bullets {
            items = List.copyOf(items);
        }
    }

    /** Column alignment. */
    enum Align { LEFT, RIGHT }

    /** A table; every row has as many cells as there are headers. */
    record Table(List<String> headers, List<Align> aligns, List<List<String>> rows) implements Block {
        public Table {
            headers = List.copyOf(headers);
            aligns = List.copyOf(aligns);
            rows = rows.stream().map(List::copyOf).toList();
            if (aligns.size() != headers.size()) {
                throw new IllegalArgumentException("one alignment per column expected");
            }
            for (List<String> row : rows) {
                if (row.size() != headers.size()) {
                    throw new IllegalArgumentException("row " + row + " has " + row.size() + " cells, expected "
                            + headers.size());
                }
            }
        }
    }

    /** A chart: an inline image in HTML, a PNG file beside the Markdown. */
    record Figure(ChartImage chart) implements Block {
    }
}
