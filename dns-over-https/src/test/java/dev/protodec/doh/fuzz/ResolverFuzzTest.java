package dev.protodec.doh.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.protodec.doh.resolver.AnswerCallback;
import dev.protodec.doh.resolver.DecoderMode;
import dev.protodec.doh.resolver.DefaultResolver;
import dev.protodec.doh.resolver.MalformedQueryException;
import dev.protodec.doh.resolver.ResolverConfig;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.xbill.DNS.Message;

/**
 * The whole request path on any bytes, in each decoder mode, against the embedded zone: every input
 * gets exactly one outcome — a DNS answer that dnsjava parses, with the query's ID, or "malformed" —
 * within the deadline, and nothing throws.
 */
class ResolverFuzzTest {
  private static final DefaultResolver[] RESOLVERS = {
    resolver(DecoderMode.GENERATED), resolver(DecoderMode.REFLECTIVE), resolver(DecoderMode.WIRE),
  };

  private static DefaultResolver resolver(DecoderMode mode) {
    return new DefaultResolver(ResolverConfig.builder().decoder(mode)
        .upstreamTimeout(Duration.ofMillis(500)).healthProbeInterval(Duration.ZERO).build());
  }

  @AfterAll
  static void close() {
    for (DefaultResolver r : RESOLVERS) {
      r.close();
    }
  }

  @FuzzTest(maxDuration = "60s")
  void everyInputGetsOneAnswerOrMalformed(byte[] input) throws Exception {
    for (DefaultResolver resolver : RESOLVERS) {
      CompletableFuture<byte[]> outcome = new CompletableFuture<>();
      resolver.resolve(input, 0, input.length, new AnswerCallback() {
        @Override
        public void onAnswer(byte[] answer, int length, int maxAgeSeconds) {
          if (!outcome.complete(java.util.Arrays.copyOf(answer, length))) {
            throw new AssertionError("a second outcome");
          }
        }

        @Override
        public void onMalformed(MalformedQueryException error) {
          if (!outcome.complete(null)) {
            throw new AssertionError("a second outcome");
          }
        }
      });
      byte[] answer = outcome.get(5, TimeUnit.SECONDS);
      if (answer != null) {
        check(input, answer);
      }
    }
  }

  private static void check(byte[] query, byte[] answer) throws IOException {
    Message parsed = new Message(answer);
    int id = (query[0] & 0xff) << 8 | (query[1] & 0xff);
    if (parsed.getHeader().getID() != id) {
      throw new AssertionError("answer ID " + parsed.getHeader().getID() + " for query ID " + id);
    }
  }
}
