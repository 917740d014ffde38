package dev.protodec.reports.render;

import dev.protodec.reports.render.Block.Align;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a {@link Report} as Markdown that reads well as plain text: table columns are padded to
 * one width, and charts are links to PNG files in a directory beside the Markdown file.
 */
public final class MarkdownWriter {

    private final String chartDirectory;

    /** @param chartDirectory where the chart PNGs are, relative to the Markdown file */
    public MarkdownWriter(String chartDirectory) {
        this.chartDirectory = chartDirectory;
    }

    public String write(Report report) {
        List<String> parts = new ArrayList<>();
        for (Block block : report.blocks()) {
            parts.add(block(block));
        }
        return String.join("\n\n", parts) + "\n";
    }

    private String block(Block block) {
        if (block instanceof Block.Heading h) {
            return "#".repeat(h.level()) + " " + h.text();
        }
        if (block instanceof Block.Paragraph p) {
            return p.text();
        }
        if (block instanceof Block.Bullets b) {
            return String.join("\n", b.items().stream().map(i -> "- " + i).toList());
        }
        if (block instanceof Block.Table t) {
            return table(t);
        }
        if (block instanceof Block.Figure f) {
            String alt = f.chart().title().replace("[", "(").replace("]", ")");
            return "![" + alt + "](" + chartDirectory + "/" + f.chart().fileName() + ")";
        }
        throw new IllegalArgumentException("unknown block " + block);
    }

    static String table(Block.Table t) {
        int columns = t.headers().size();
        int[] widths = new int[columns];
        List<List<String>> all = new ArrayList<>();
        all.add(t.headers().stream().map(MarkdownWriter::cell).toList());
        t.rows().forEach(row -> all.add(row.stream().map(MarkdownWriter::cell).toList()));
        for (List<String> row : all) {
            for (int c = 0; c < columns; c++) {
                widths[c] = Math.max(Math.max(widths[c], 3), width(row.get(c)));
            }
        }
        StringBuilder sb = new StringBuilder();
        line(sb, all.get(0), widths, t.aligns());
        sb.append("\n|");
        for (int c = 0; c < columns; c++) {
            sb.append(' ');
            sb.append(t.aligns().get(c) == Align.RIGHT ? "-".repeat(widths[c] - 1) + ":" : "-".repeat(widths[c]));
            sb.append(" |");
        }
        for (List<String> row : all.subList(1, all.size())) {
            sb.append('\n');
            line(sb, row, widths, t.aligns());
        }
        return sb.toString();
    }

    private static void line(StringBuilder sb, List<String> cells, int[] widths, List<Align> aligns) {
        sb.append('|');
        for (int c = 0; c < cells.size(); c++) {
            String pad = " ".repeat(widths[c] - width(cells.get(c)));
            sb.append(' ');
            sb.append(aligns.get(c) == Align.RIGHT ? pad + cells.get(c) : cells.get(c) + pad);
            sb.append(" |");
        }
    }

    /** A table cell on one line, with pipes escaped. */
    private static String cell(String text) {
        return text.replace("\n", " ").replace("|", "\\|");
    }

    private static int width(String text) {
        return text.codePointCount(0, text.length());
    }
}
