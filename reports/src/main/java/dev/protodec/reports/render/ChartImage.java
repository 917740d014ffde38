package dev.protodec.reports.render;

/**
 * A rendered chart.
 *
 * @param id    file-name-safe and unique within a report, such as {@code g01-throughput}
 * @param title what it shows; also its alternative text
 * @param png   the PNG bytes
 */
public record ChartImage(String id, String title, byte[] png) {

    public String fileName() {
        return id + ".png";
    }
}
