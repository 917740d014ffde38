package dev.protodec.reports.render;

import dev.protodec.reports.analysis.Noise;
import dev.protodec.reports.render.Block.Align;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes a {@link Report} as one self-contained HTML page: the stylesheet is inline, every chart is
 * a {@code data:image/png;base64} URI, and nothing is loaded from anywhere else.
 */
public final class HtmlWriter {

    private static final Pattern CODE = Pattern.compile("`([^`]+)`");
    private static final Pattern BOLD = Pattern.compile("\\*\\*(.+?)\\*\\*");
    private static final Pattern EMPHASIS = Pattern.compile("(?<![\\w*])\\*([^*\\s][^*]*?)\\*(?![\\w*])");

    private static final String STYLE = """
            body { font-family: system-ui, -apple-system, "Segoe UI", sans-serif; color: #222; margin: 0; }
            main { max-width: 960px; margin: 0 auto; padding: 1rem 1.5rem 3rem; line-height: 1.45; }
            h1 { font-size: 1.7rem; border-bottom: 2px solid #ddd; padding-bottom: .3rem; }
            h2 { font-size: 1.35rem; margin-top: 2.2rem; border-bottom: 1px solid #eee; }
            h3 { font-size: 1.1rem; margin-top: 1.8rem; }
            table { border-collapse: collapse; margin: .8rem 0; font-size: .9rem; }
            th, td { border: 1px solid #ddd; padding: .3rem .6rem; vertical-align: top; }
            th { background: #f4f6f8; text-align: left; }
            td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
            td.regressed { color: #b00020; font-weight: bold; }
            td.improved { color: #1b7f3a; font-weight: bold; }
            td.noisy { background: #fff4e0; color: #8a5a00; }
            code { background: #f2f2f2; padding: 0 .2rem; border-radius: 3px; font-size: .9em; }
            figure { margin: 1rem 0; }
            figure img { max-width: 100%; height: auto; border: 1px solid #eee; }
            """;

    public String write(Report report) {
        StringBuilder sb = new StringBuilder();
        sb.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(escape(report.title())).append("</title>\n")
                .append("<style>\n").append(STYLE).append("</style>\n</head>\n<body>\n<main>\n");
        for (Block block : report.blocks()) {
            block(sb, block);
        }
        sb.append("</main>\n</body>\n</html>\n");
        return sb.toString();
    }

    private static void block(StringBuilder sb, Block block) {
        if (block instanceof Block.Heading h) {
            sb.append("<h").append(h.level()).append(" id=\"").append(anchor(h.text())).append("\">")
                    .append(inline(h.text())).append("</h").append(h.level()).append(">\n");
        } else if (block instanceof Block.Paragraph p) {
            sb.append("<p>").append(inline(p.text())).append("</p>\n");
        } else if (block instanceof Block.Bullets b) {
            sb.append("<ul>\n");
            b.items().forEach(i -> sb.append("<li>").append(inline(i)).append("</li>\n"));
            sb.append("</ul>\n");
        } else if (block instanceof Block.Table t) {
            table(sb, t);
        } else if (block instanceof Block.Figure f) {
            sb.append("<figure>\n<img alt=\"").append(escape(f.chart().title()))
                    .append("\" src=\"data:image/png;base64,")
                    .append(Base64.getEncoder().encodeToString(f.chart().png())).append("\">\n</figure>\n");
        } else {
            throw new IllegalArgumentException("unknown block " + block);
        }
    }

    private static void table(StringBuilder sb, Block.Table t) {
        sb.append("<table>\n<thead>\n<tr>");
        for (int c = 0; c < t.headers().size(); c++) {
            sb.append("<th").append(t.aligns().get(c) == Align.RIGHT ? " class=\"num\"" : "").append(">")
                    .append(inline(t.headers().get(c))).append("</th>");
        }
        sb.append("</tr>\n</thead>\n<tbody>\n");
        for (List<String> row : t.rows()) {
            sb.append("<tr>");
            for (int c = 0; c < row.size(); c++) {
                String cell = row.get(c);
                String css = t.aligns().get(c) == Align.RIGHT ? "num" : verdictClass(cell);
                if (cell.endsWith(Noise.MARK)) {
                    css = (css + " noisy").strip();
                }
                sb.append("<td").append(css.isEmpty() ? "" : " class=\"" + css + "\"").append(">")
                        .append(inline(cell)).append("</td>");
            }
            sb.append("</tr>\n");
        }
        sb.append("</tbody>\n</table>\n");
    }

    private static String verdictClass(String cell) {
        return switch (cell) {
            case "regressed" -> "regressed";
            case "improved" -> "improved";
            default -> "";
        };
    }

    /** Escapes, then turns {@code `code`}, {@code **bold**} and {@code *emphasis*} into tags. */
    static String inline(String text) {
        StringBuilder out = new StringBuilder();
        Matcher code = CODE.matcher(text);
        int last = 0;
        while (code.find()) {
            out.append(marks(escape(text.substring(last, code.start()))));
            out.append("<code>").append(escape(code.group(1))).append("</code>");
            last = code.end();
        }
        out.append(marks(escape(text.substring(last))));
        return out.toString();
    }

    private static String marks(String escaped) {
        String bold = BOLD.matcher(escaped).replaceAll("<strong>$1</strong>");
        return EMPHASIS.matcher(bold).replaceAll("<em>$1</em>");
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static String anchor(String heading) {
        return heading.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    }
}
