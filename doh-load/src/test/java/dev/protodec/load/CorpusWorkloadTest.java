package dev.protodec.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xbill.DNS.Name;
import org.xbill.DNS.SetResponse;
import org.xbill.DNS.Zone;

class CorpusWorkloadTest {
  private static final CorpusWorkload WORKLOAD = CorpusWorkload.build(20_000);

  @Test
  void everyQueryIsAnsweredByTheZoneItWrites(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("corpus.zone");
    WORKLOAD.writeZone(file);
    Zone zone = new Zone(Name.root, file.toString());
    int positive = 0;
    for (CorpusWorkload.Query q : WORKLOAD.queries()) {
      SetResponse r = zone.findRecords(Name.fromString(q.name()), q.type());
      if (q.positive()) {
        positive++;
        assertTrue(r.isSuccessful() || r.isCNAME(), q + ": " + r);
      } else {
        assertTrue(r.isNXDOMAIN() || r.isNXRRSET(), q + ": " + r);
      }
      assertTrue(!r.isDelegation(), q + " is delegated: " + r);
    }
    assertTrue(WORKLOAD.queries().size() > 900, "questions: " + WORKLOAD.queries().size() + " " + WORKLOAD.leftOut());
    assertTrue(positive > 750, "positive: " + positive + " " + WORKLOAD.leftOut());
  }

  @Test
  void drawsAreSkewedAndReproducible() {
    int[] draws = WORKLOAD.draws();
    Map<Integer, Integer> counts = new HashMap<>();
    for (int d : draws) {
      counts.merge(d, 1, Integer::sum);
    }
    int top = counts.values().stream().max(Integer::compare).orElseThrow();
    // Zipf s=1 over ~1000 ranks: rank 1 takes about 1/H(1000) = 13% of the draws
    assertTrue(top > draws.length / 12 && top < draws.length / 5, "top share " + top);
    assertTrue(counts.size() > 500, "distinct " + counts.size());
    assertEquals(java.util.Arrays.toString(draws), java.util.Arrays.toString(CorpusWorkload.build(20_000).draws()));
  }

  @Test
  void getUrisAreRfc8484(@TempDir Path dir) throws IOException {
    Path uris = dir.resolve("uris.txt");
    WORKLOAD.writeGetUris(uris, "https://127.0.0.1:1");
    var lines = Files.readAllLines(uris);
    assertEquals(20_000, lines.size());
    String dns = lines.get(0).substring(lines.get(0).indexOf("dns=") + 4);
    assertTrue(dns.matches("[A-Za-z0-9_-]+"), dns);
    byte[] wire = java.util.Base64.getUrlDecoder().decode(dns);
    assertEquals(0, new org.xbill.DNS.Message(wire).getHeader().getID());
  }
}
