package dev.protodec.dns.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The default corpus against the reference make-up (REFERENCE.md). {@code CorpusStats} prints, for
 * the default corpus (1,000 messages, seed 20261122):
 *
 * <pre>
 * messages  1,000, 283,669 bytes
 * size      mean 283.7, median 253, p90 482, p99 757, min 51, max 933
 * per msg   3.52 records, 5.38 strings
 * EDNS      85.0%
 * qtypes    A 53.0%, AAAA 21.0%, TXT 8.0%, MX 7.0%, HTTPS 6.0%, PTR 3.0%, NS 2.0%
 * rcodes    NOERROR 87.6%, NXDOMAIN 9.7%, SERVFAIL 2.7%
 * </pre>
 *
 * <p>and for 20,000 messages from the same seed (what the generator tends to): mean 279.2, median 251,
 * p90 472, p99 725, min 44, max 982; 3.43 records and 5.27 strings per message. The reference: mean
 * 281 (280,871 bytes), median 249, p90 496, p99 736, min 42, max 976; 3.49 records, about 5.3 strings.
 */
class CorpusStatsTest {
  private static final CorpusStats DEFAULT = CorpusStats.of(DnsCorpus.generate());

  @Test
  void sizesAreCloseToTheReference() {
    assertEquals(1_000, DEFAULT.count());
    assertWithin("total bytes", 280_871, DEFAULT.totalBytes(), 0.03);
    assertWithin("mean size", 281, DEFAULT.meanBytes(), 0.03);
    assertWithin("median size", 249, DEFAULT.medianBytes(), 0.05);
    assertWithin("p90 size", 496, DEFAULT.p90Bytes(), 0.05);
    assertWithin("p99 size", 736, DEFAULT.p99Bytes(), 0.05);
    assertTrue(DEFAULT.minBytes() >= 35 && DEFAULT.minBytes() <= 60, "min size " + DEFAULT.minBytes());
    assertTrue(DEFAULT.maxBytes() >= 850 && DEFAULT.maxBytes() <= DnsCorpus.MAX_MESSAGE_BYTES,
        "max size " + DEFAULT.maxBytes());
  }

  @Test
  void recordsAndStringsPerMessageAreCloseToTheReference() {
    assertWithin("records per message", 3.49, DEFAULT.recordsPerMessage(), 0.03);
    assertWithin("strings per message", 5.3, DEFAULT.stringsPerMessage(), 0.03);
  }

  @Test
  void mixesAreTheReferencesExactly() {
    assertEquals(0.85, DEFAULT.ednsShare(), 1e-9);
    assertEquals(List.of("A", "AAAA", "TXT", "MX", "HTTPS", "PTR", "NS"),
        List.copyOf(DEFAULT.qtypeShares().keySet()));
    assertShares(
        Map.of("A", 0.53, "AAAA", 0.21, "TXT", 0.08, "MX", 0.07, "HTTPS", 0.06, "PTR", 0.03, "NS", 0.02),
        DEFAULT.qtypeShares());
    assertShares(Map.of("NOERROR", 0.876, "NXDOMAIN", 0.097, "SERVFAIL", 0.027), DEFAULT.rcodeShares());
  }

  @Test
  void smallCorporaKeepTheMixes() {
    CorpusStats small = CorpusStats.of(DnsCorpus.generate(100, 3));
    assertEquals(0.85, small.ednsShare(), 1e-9);
    assertEquals(0.53, small.qtypeShares().get("A"), 1e-9);
    assertEquals(0.02, small.qtypeShares().get("NS"), 1e-9);
    assertEquals(0.10, small.rcodeShares().get("NXDOMAIN"), 1e-9);
  }

  @Test
  void formatPrintsEveryFigure() {
    String text = DEFAULT.format();
    String total = String.format(Locale.ROOT, "%,d", DEFAULT.totalBytes());
    assertTrue(text.startsWith("messages  1,000, " + total + " bytes"), text);
    assertTrue(text.contains("median " + DEFAULT.medianBytes() + ", p90 " + DEFAULT.p90Bytes()), text);
    assertTrue(
        text.contains("qtypes    A 53.0%, AAAA 21.0%, TXT 8.0%, MX 7.0%, HTTPS 6.0%, PTR 3.0%, NS 2.0%"), text);
    assertTrue(text.contains("rcodes    NOERROR 87.6%, NXDOMAIN 9.7%, SERVFAIL 2.7%"), text);
    assertTrue(text.contains("EDNS      85.0%"), text);
  }

  private static void assertWithin(String what, double reference, double actual, double tolerance) {
    assertTrue(Math.abs(actual - reference) <= tolerance * reference,
        what + ": " + actual + " is not within " + (int) (tolerance * 100) + "% of the reference "
            + reference);
  }

  private static void assertShares(Map<String, Double> expected, Map<String, Double> actual) {
    assertEquals(expected.keySet(), actual.keySet());
    expected.forEach((key, share) -> assertEquals(share, actual.get(key), 1e-9, key));
  }
}
