package dev.protodec.reports.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class FormatTest {

    @Test
    void scoresKeepAboutFourSignificantDigitsAndTheErrorFollowsTheScore() {
        assertEquals("131,560 ± 4,712", Format.scoreWithError(131560.2, 4712.3));
        assertEquals("702.3 ± 12.0", Format.scoreWithError(702.31, 12.04));
        assertEquals("1.423 ± 0.049", Format.scoreWithError(1.42345, 0.0491));
        assertEquals("0.0123 ± 0.0004", Format.scoreWithError(0.012345, 0.00041));
        assertEquals("46.00", Format.scoreWithError(46.0, Double.NaN));
        assertEquals("—", Format.scoreWithError(Double.NaN, 1));
    }

    @Test
    void bytesRatiosAndChanges() {
        assertEquals("4,784", Format.bytes(4783.7));
        assertEquals("≈ 0", Format.bytes(1.0E-4));
        assertEquals("—", Format.bytes(Double.NaN));
        assertEquals("5.84×", Format.ratio(5.8412));
        assertEquals("+12.3%", Format.percentChange(12.34));
        assertEquals("-23.5%", Format.percentChange(-23.52));
        assertEquals("10", Format.plain(10.0));
        assertEquals("2.5", Format.plain(2.5));
    }
}
