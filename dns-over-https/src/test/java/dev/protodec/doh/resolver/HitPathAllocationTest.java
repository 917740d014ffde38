package dev.protodec.doh.resolver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.protodec.doh.testing.Queries;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Type;

class HitPathAllocationTest {
  private static final int HITS = 20_000;

  /** A callback that keeps nothing per call. */
  private static final class Counting implements AnswerCallback {
    int answers;
    int bytes;

    @Override
    public void onAnswer(byte[] answer, int length, int maxAgeSeconds) {
      answers++;
      bytes += length;
    }

    @Override
    public void onMalformed(MalformedQueryException error) {
      throw new AssertionError(error);
    }
  }

  @Test
  void generatedAndWireHitsAllocateNothingPerRequest() {
    for (DecoderMode mode : new DecoderMode[] {DecoderMode.GENERATED, DecoderMode.GENERATED_ZERO_COPY, DecoderMode.WIRE}) {
      try (DefaultResolver r = new DefaultResolver(ResolverConfig.builder().decoder(mode).prefetchPercent(0)
          .healthProbeInterval(Duration.ZERO).build())) {
        byte[] query = Queries.ednsQuery("www.example.test.", Type.A, 7, true, true);
        Queries.ask(r, query); // the miss
        Counting callback = new Counting();
        for (int i = 0; i < HITS; i++) { // warm-up
          r.resolve(query, 0, query.length, callback);
        }
        com.sun.management.ThreadMXBean threads =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadAllocatedBytes();
        for (int i = 0; i < HITS; i++) {
          r.resolve(query, 0, query.length, callback);
        }
        long perHit = (threads.getCurrentThreadAllocatedBytes() - before) / HITS;
        assertEquals(2 * HITS, callback.answers);
        assertTrue(perHit < 8, mode + " allocated " + perHit + " bytes per hit");
      }
    }
  }
}
