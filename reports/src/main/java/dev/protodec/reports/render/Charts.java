package dev.protodec.reports.render;

import dev.protodec.reports.analysis.BenchmarkGroup;
import dev.protodec.reports.analysis.Contender;
import dev.protodec.reports.model.GcLog;
import dev.protodec.reports.model.GcPause;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToDoubleFunction;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.labels.ItemLabelAnchor;
import org.jfree.chart.labels.ItemLabelPosition;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.CombinedDomainCategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.category.StatisticalBarRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.Range;
import org.jfree.data.category.CategoryDataset;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.statistics.DefaultStatisticalCategoryDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Draws the report's charts with JFreeChart into PNG bytes, headless. Bars are horizontal so long
 * contender names stay legible; the reference contender is grey, the others blue.
 */
public final class Charts {

    static {
        // Charts are drawn into images only; never look for a display.
        System.setProperty("java.awt.headless", "true");
    }

    private static final int WIDTH = 900;
    private static final Color CONTENDER = new Color(0x9E, 0xC5, 0xE6);
    private static final Color REFERENCE = new Color(0xC8, 0xC8, 0xC8);
    private static final Color GRID = new Color(0xDD, 0xDD, 0xDD);
    private static final Color[] SERIES = {
        new Color(0x1F, 0x77, 0xB4), new Color(0xFF, 0x7F, 0x0E), new Color(0x2C, 0xA0, 0x2C),
        new Color(0xD6, 0x27, 0x28), new Color(0x94, 0x67, 0xBD), new Color(0x8C, 0x56, 0x4B),
        new Color(0xE3, 0x77, 0xC2), new Color(0x7F, 0x7F, 0x7F),
    };
    private static final Font TITLE_FONT = new Font(Font.SANS_SERIF, Font.BOLD, 15);
    private static final Font LABEL_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    private static final String[] LATENCY_PERCENTILES = {"50.0", "90.0", "99.0", "99.9", "99.99", "100.0"};

    /** Score ± error per contender: throughput, or time per operation in the time modes. */
    public ChartImage score(String id, BenchmarkGroup group) {
        String title = (group.mode().higherIsBetter() ? "Throughput" : "Time per operation") + " — " + group.title();
        return render(id, title, scoreChart(title, group), heightFor(group.contenders().size()));
    }

    /**
     * The score chart. Its value axis starts at zero even where a whisker reaches below it (an
     * error wider than the score, common in quick runs): neither throughput nor time can be
     * negative, so the whisker is cut at the axis rather than the axis stretched to fit it.
     */
    JFreeChart scoreChart(String title, BenchmarkGroup group) {
        DefaultStatisticalCategoryDataset data = new DefaultStatisticalCategoryDataset();
        for (Contender c : group.contenders()) {
            // the value goes into the label: drawn at the bar it would collide with the whisker
            data.add(c.score(), Double.isFinite(c.error()) ? c.error() : 0.0, "score",
                    c.name() + "  " + Format.scoreWithError(c.score(), c.error()) + (c.noisy() ? " (noisy)" : ""));
        }
        StatisticalBarRenderer renderer = new StatisticalBarRenderer() {
            @Override
            public Paint getItemPaint(int row, int column) {
                return isReference(group, column) ? REFERENCE : CONTENDER;
            }

            /**
             * The whiskers' range cut at zero: the axis (which includes zero) then starts there, and
             * the plot clips drawing to its data area, so a whisker below zero ends at the axis.
             */
            @Override
            public Range findRangeBounds(CategoryDataset dataset) {
                Range range = super.findRangeBounds(dataset);
                return range == null ? null : new Range(Math.max(0.0, range.getLowerBound()),
                        Math.max(0.0, range.getUpperBound()));
            }
        };
        renderer.setErrorIndicatorPaint(Color.BLACK);
        renderer.setErrorIndicatorStroke(new BasicStroke(1.5f));
        String axis = group.unit() + (group.mode().higherIsBetter() ? ", higher is better" : ", lower is better")
                + " (bars: score, whiskers: 99.9% CI)";
        CategoryPlot plot = barPlot(data, renderer, axis);
        renderer.setDefaultItemLabelsVisible(false);
        return chart(title, plot, false);
    }

    /** Bytes allocated per operation ({@code gc.alloc.rate.norm}), if the run used {@code -prof gc}. */
    public Optional<ChartImage> allocation(String id, BenchmarkGroup group) {
        if (!group.hasAllocationData()) {
            return Optional.empty();
        }
        CategoryPlot plot = singleBarPlot(group, Contender::bytesPerOp, "bytes allocated per operation (B/op)");
        String title = "Allocation — " + group.title();
        return Optional.of(render(id, title, chart(title, plot, false), heightFor(group.contenders().size())));
    }

    /**
     * GC count and GC time side by side, if the run used {@code -prof gc} and collected at all (a
     * run without a single collection shows its zeros in the table only).
     */
    public Optional<ChartImage> gcActivity(String id, BenchmarkGroup group) {
        boolean counts = group.contenders().stream().anyMatch(c -> c.gcCount() > 0);
        boolean times = group.contenders().stream().anyMatch(c -> c.gcTimeMillis() > 0);
        if (!counts && !times) {
            return Optional.empty();
        }
        CombinedDomainCategoryPlot combined = new CombinedDomainCategoryPlot(new CategoryAxis(null));
        if (counts) {
            combined.add(singleBarPlot(group, Contender::gcCount, "collections (gc.count)"), 1);
        }
        if (times) {
            combined.add(singleBarPlot(group, Contender::gcTimeMillis, "time in GC, ms (gc.time)"), 1);
        }
        combined.setOrientation(PlotOrientation.HORIZONTAL);
        combined.setGap(24);
        combined.getDomainAxis().setTickLabelFont(LABEL_FONT);
        String title = "GC during measurement — " + group.title();
        return Optional.of(render(id, title, chart(title, combined, false), heightFor(group.contenders().size())));
    }

    /** Latency percentiles per contender (sample and single-shot modes). */
    public Optional<ChartImage> latency(String id, BenchmarkGroup group) {
        if (!group.mode().hasLatencyDistribution()) {
            return Optional.empty();
        }
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        double min = Double.POSITIVE_INFINITY;
        double max = 0;
        for (String p : LATENCY_PERCENTILES) {
            for (Contender c : group.contenders()) {
                double v = c.result().primary().percentile(Double.parseDouble(p));
                if (Double.isFinite(v) && v > 0) {
                    data.addValue(v, percentileLabel(p), c.name());
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                }
            }
        }
        if (data.getRowCount() == 0) {
            return Optional.empty();
        }
        ValueAxis axis;
        String unit = group.contenders().get(0).result().primary().unit();
        if (max / min > 30) {
            LogAxis log = new LogAxis(unit + " (log scale)");
            log.setSmallestValue(min / 2);
            log.setTickUnit(new NumberTickUnit(1.0), false, true);
            log.setNumberFormatOverride(numberFormat());
            axis = log;
        } else {
            axis = new NumberAxis(unit);
        }
        BarRenderer renderer = new BarRenderer();
        for (int i = 0; i < data.getRowCount(); i++) {
            renderer.setSeriesPaint(i, SERIES[i % SERIES.length]);
        }
        CategoryPlot plot = barPlot(data, renderer, null);
        plot.setRangeAxis(axis);
        styleRangeAxis(axis);
        String title = "Latency percentiles — " + group.title();
        int height = Math.max(300, 120 + group.contenders().size() * LATENCY_PERCENTILES.length * 16);
        return Optional.of(render(id, title, chart(title, plot, true), height));
    }

    /** Every pause over JVM uptime: one series per pause kind, or per log if there are several. */
    public Optional<ChartImage> gcPauses(String id, List<GcLog> logs) {
        Map<String, XYSeries> series = new LinkedHashMap<>();
        for (GcLog log : logs) {
            for (GcPause pause : log.pauses()) {
                if (Double.isNaN(pause.uptimeSeconds())) {
                    continue;
                }
                String key = logs.size() > 1 ? String.valueOf(log.source().getFileName()) : pause.kind();
                series.computeIfAbsent(key, k -> new XYSeries(k, false, true)).add(pause.uptimeSeconds(), pause.millis());
            }
        }
        if (series.isEmpty()) {
            return Optional.empty();
        }
        XYSeriesCollection data = new XYSeriesCollection();
        series.values().forEach(data::addSeries);
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(false, true);
        for (int i = 0; i < data.getSeriesCount(); i++) {
            renderer.setSeriesPaint(i, SERIES[i % SERIES.length]);
        }
        NumberAxis x = new NumberAxis("JVM uptime (s)");
        NumberAxis y = new NumberAxis("pause (ms)");
        styleRangeAxis(x);
        styleRangeAxis(y);
        XYPlot plot = new XYPlot(data, x, y, renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(GRID);
        plot.setRangeGridlinePaint(GRID);
        String title = "GC pauses over time";
        return Optional.of(render(id, title, chart(title, plot, true), 380));
    }

    /**
     * Latency by percentile, one line per series of {percentile, microseconds} pairs, the x axis as
     * 1 / (1 - percentile) on a log scale so the tail (99%, 99.9%, ...) gets room.
     */
    public ChartImage percentileDistribution(String id, String title, Map<String, List<double[]>> series) {
        XYSeriesCollection data = new XYSeriesCollection();
        for (Map.Entry<String, List<double[]>> e : series.entrySet()) {
            XYSeries s = new XYSeries(e.getKey(), false, true);
            for (double[] point : e.getValue()) {
                double p = Math.min(point[0], 99.9999);
                s.add(1.0 / (1.0 - p / 100.0), point[1] / 1000.0);
            }
            data.addSeries(s);
        }
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
        for (int i = 0; i < data.getSeriesCount(); i++) {
            renderer.setSeriesPaint(i, SERIES[i % SERIES.length]);
            renderer.setSeriesStroke(i, new BasicStroke(2f));
        }
        LogAxis x = new LogAxis("percentile (1 = p0, 10 = p90, 100 = p99, 1000 = p99.9)");
        x.setBase(10);
        x.setLowerBound(1);
        x.setNumberFormatOverride(numberFormat());
        NumberAxis y = new NumberAxis("latency (ms)");
        styleRangeAxis(x);
        styleRangeAxis(y);
        XYPlot plot = new XYPlot(data, x, y, renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(GRID);
        plot.setRangeGridlinePaint(GRID);
        return render(id, title, chart(title, plot, true), 380);
    }

    private static String percentileLabel(String p) {
        return p.equals("100.0") ? "max" : "p" + p.replaceAll("\\.0$", "");
    }

    private static boolean isReference(BenchmarkGroup group, int column) {
        return group.reference().isPresent() && group.contenders().get(column).equals(group.reference().get());
    }

    /** One bar per contender, labelled with its value; the reference grey. */
    private static CategoryPlot singleBarPlot(BenchmarkGroup group, ToDoubleFunction<Contender> value, String axis) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (Contender c : group.contenders()) {
            double v = value.applyAsDouble(c);
            data.addValue(Double.isFinite(v) ? v : null, "value", c.name());
        }
        BarRenderer renderer = new BarRenderer() {
            @Override
            public Paint getItemPaint(int row, int column) {
                return isReference(group, column) ? REFERENCE : CONTENDER;
            }
        };
        CategoryPlot plot = barPlot(data, renderer, axis);
        ((NumberAxis) plot.getRangeAxis()).setAutoRangeMinimumSize(1.0);
        return plot;
    }

    private static CategoryPlot barPlot(CategoryDataset data, BarRenderer renderer, String axisLabel) {
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        renderer.setDrawBarOutline(false);
        renderer.setItemMargin(0.05);
        renderer.setMaximumBarWidth(0.12);
        renderer.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator("{2}", labelFormat(data)));
        renderer.setDefaultItemLabelsVisible(true);
        renderer.setDefaultItemLabelFont(LABEL_FONT);
        renderer.setDefaultItemLabelPaint(Color.BLACK);
        renderer.setDefaultPositiveItemLabelPosition(
                new ItemLabelPosition(ItemLabelAnchor.INSIDE9, TextAnchor.CENTER_LEFT));
        renderer.setPositiveItemLabelPositionFallback(
                new ItemLabelPosition(ItemLabelAnchor.OUTSIDE3, TextAnchor.CENTER_LEFT));
        CategoryAxis categories = new CategoryAxis(null);
        categories.setTickLabelFont(LABEL_FONT);
        categories.setCategoryMargin(0.25);
        NumberAxis values = new NumberAxis(axisLabel);
        styleRangeAxis(values);
        CategoryPlot plot = new CategoryPlot(data, categories, values, renderer);
        plot.setOrientation(PlotOrientation.HORIZONTAL);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(GRID);
        plot.setOutlineVisible(false);
        return plot;
    }

    private static void styleRangeAxis(ValueAxis axis) {
        axis.setLabelFont(LABEL_FONT);
        axis.setTickLabelFont(LABEL_FONT);
        if (axis instanceof NumberAxis number) {
            number.setNumberFormatOverride(numberFormat());
            number.setUpperMargin(0.12);
        }
    }

    /** Bar labels with as many decimals as the largest value needs: 4,784 / 12.5 / 0.065. */
    private static DecimalFormat labelFormat(CategoryDataset data) {
        double max = 0;
        for (int r = 0; r < data.getRowCount(); r++) {
            for (int c = 0; c < data.getColumnCount(); c++) {
                Number v = data.getValue(r, c);
                max = v == null ? max : Math.max(max, Math.abs(v.doubleValue()));
            }
        }
        int decimals = Format.decimalsFor(max);
        return new DecimalFormat(decimals == 0 ? "#,##0" : "#,##0." + "#".repeat(decimals),
                DecimalFormatSymbols.getInstance(Locale.ROOT));
    }

    private static DecimalFormat numberFormat() {
        return new DecimalFormat("#,##0.###", DecimalFormatSymbols.getInstance(Locale.ROOT));
    }

    private static JFreeChart chart(String title, org.jfree.chart.plot.Plot plot, boolean legend) {
        JFreeChart chart = new JFreeChart(null, TITLE_FONT, plot, legend);
        chart.setTitle(new TextTitle(title, TITLE_FONT));
        chart.setBackgroundPaint(Color.WHITE);
        chart.setAntiAlias(true);
        chart.setTextAntiAlias(true);
        return chart;
    }

    private static int heightFor(int bars) {
        return Math.max(220, 110 + 42 * bars);
    }

    private static ChartImage render(String id, String title, JFreeChart chart, int height) {
        try {
            return new ChartImage(id, title, ChartUtils.encodeAsPNG(chart.createBufferedImage(WIDTH, height)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode chart " + id + " as PNG", e);
        }
    }
}
