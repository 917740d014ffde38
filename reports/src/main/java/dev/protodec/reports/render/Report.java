package dev.protodec.reports.render;

import java.util.List;

/** A laid-out report: its title and its blocks, ready for either writer. */
public record Report(String title, List<Block> blocks) {

    public Report {
        blocks = List.copyOf(blocks);
    }

    /** Every chart, in order. */
    public List<ChartImage> charts() {
        return blocks.stream()
                .filter(Block.Figure.class::isInstance)
                .map(b -> ((Block.Figure) b).chart())
                .toList();
    }
}
