package dev.protodec.reports.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.protodec.reports.render.Block.Align;
import java.util.List;
import org.junit.jupiter.api.Test;

class HtmlWriterTest {

    @Test
    void escapesAndMarksInlineText() {
        assertEquals("a &lt;b&gt; &amp; <code>x&lt;y</code> <strong>bold</strong> <em>em</em> 3 * 4",
                HtmlWriter.inline("a <b> & `x<y` **bold** *em* 3 * 4"));
    }

    @Test
    void chartsAreInlineDataUris() {
        Report report = new Report("T", List.of(new Block.Figure(new ChartImage("c", "Chart \"1\"", new byte[] {1, 2, 3}))));
        String html = new HtmlWriter().write(report);

        assertTrue(html.contains("<img alt=\"Chart &quot;1&quot;\" src=\"data:image/png;base64,AQID\">"), html);
    }

    @Test
    void numericColumnsAndVerdictsGetClasses() {
        Report report = new Report("T", List.of(new Block.Table(List.of("Benchmark", "Change", "Verdict"),
                List.of(Align.LEFT, Align.RIGHT, Align.LEFT), List.of(List.of("x", "-23.5%", "regressed")))));
        String html = new HtmlWriter().write(report);

        assertTrue(html.contains("<tr><td>x</td><td class=\"num\">-23.5%</td><td class=\"regressed\">regressed</td></tr>"),
                html);
    }
}
