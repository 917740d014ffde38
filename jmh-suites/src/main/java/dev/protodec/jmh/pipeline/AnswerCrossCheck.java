package dev.protodec.jmh.pipeline;

import dev.protodec.doh.resolver.Resolver;
import dev.protodec.doh.resolver.ResolverSupport;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * What the pipeline benchmarks' trial set-ups check before anything is timed, throwing {@link
 * AnswersDisagree} at the first failure:
 *
 * <ol>
 *   <li>each resolver answers every probe twice, the miss and then the hit, and the hit comes back on the
 *       calling thread (it really is a cache hit);
 *   <li>for each resolver the miss and the hit answer are the same bytes, ID and TTLs aside ({@link
 *       #normalise});
 *   <li>every contender's answers are the reference's, byte for byte, ID and TTLs aside ({@link #compare});
 *   <li>the reference's answers say what the corpus response says: rcode, answer and authority counts
 *       ({@link #matchesCorpus}), so an upstream that fails for everyone cannot pass as agreement.
 * </ol>
 */
public final class AnswerCrossCheck {
  /** Probes in flight at once on the miss round (the upstream is one thread on one UDP socket). */
  private static final int WAVE = 64;
  private static final int RCODE_SERVFAIL = 2;
  private static final int TYPE_OPT = 41;

  private AnswerCrossCheck() {}

  /** Thrown when answers differ, or do not say what the corpus says. */
  public static final class AnswersDisagree extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    AnswersDisagree(String message) {
      super(message);
    }
  }

  /**
   * One query of the check and what its answer must say.
   *
   * @param label names the query in errors
   */
  public record Probe(String label, byte[] query, int rcode, int answers, int authorities) {}

  /**
   * Runs checks 1 to 4 with the first resolver of {@code resolvers} as the reference. The resolvers' caches
   * are warm for every probe afterwards.
   *
   * @return a one-line summary
   */
  public static String run(Map<String, ? extends Resolver> resolvers, List<Probe> probes) {
    Map<String, List<byte[]>> answers = new LinkedHashMap<>();
    for (Map.Entry<String, ? extends Resolver> r : resolvers.entrySet()) {
      answers.put(r.getKey(), missThenHit(r.getKey(), r.getValue(), probes));
    }
    List<String> labels = new ArrayList<>();
    for (Probe p : probes) {
      labels.add(p.label());
    }
    Map.Entry<String, List<byte[]>> reference = answers.entrySet().iterator().next();
    matchesCorpus(reference.getKey(), probes, reference.getValue());
    Map<String, List<byte[]>> contenders = new LinkedHashMap<>(answers);
    contenders.remove(reference.getKey());
    compare(labels, reference.getKey(), reference.getValue(), contenders);
    return "pipeline cross-check: " + String.join(", ", resolvers.keySet()) + " give the same answers (ID and TTLs"
        + " aside) for all " + probes.size() + " queries, as miss and as hit, with the corpus's rcodes and counts";
  }

  /** Checks 1 and 2 for one resolver; its hit answers, normalised. */
  private static List<byte[]> missThenHit(String contender, Resolver resolver, List<Probe> probes) {
    List<byte[]> misses = new ArrayList<>();
    for (int from = 0; from < probes.size(); from += WAVE) {
      List<CompletableFuture<ResolverSupport.Answer>> wave = new ArrayList<>();
      for (int i = from; i < Math.min(probes.size(), from + WAVE); i++) {
        wave.add(ResolverSupport.resolve(resolver, probes.get(i).query()).toCompletableFuture());
      }
      for (int i = 0; i < wave.size(); i++) {
        misses.add(wire(contender, probes.get(from + i), wave.get(i)));
      }
    }
    List<byte[]> hits = new ArrayList<>();
    for (int i = 0; i < probes.size(); i++) {
      CompletableFuture<ResolverSupport.Answer> hit =
          ResolverSupport.resolve(resolver, probes.get(i).query()).toCompletableFuture();
      if (!hit.isDone()) {
        throw new AnswersDisagree(contender + ": query " + probes.get(i).label()
            + " is not a cache hit the second time (no answer on the calling thread)");
      }
      byte[] normalised = wire(contender, probes.get(i), hit);
      if (!Arrays.equals(misses.get(i), normalised)) {
        throw difference(contender + ": the hit answer differs from the miss answer", probes.get(i).label(),
            misses.get(i), normalised);
      }
      hits.add(normalised);
    }
    return hits;
  }

  private static byte[] wire(String contender, Probe probe, CompletableFuture<ResolverSupport.Answer> answer) {
    byte[] wire;
    try {
      wire = answer.get(10, TimeUnit.SECONDS).wire();
    } catch (Exception e) {
      throw new AnswersDisagree(contender + ": no answer for " + probe.label() + ": " + e);
    }
    try {
      return normalise(wire, wire.length);
    } catch (AnswersDisagree e) {
      throw new AnswersDisagree(contender + ": the answer to " + probe.label() + " is not a DNS message: "
          + e.getMessage());
    }
  }

  /**
   * Check 3: {@code contenders}' answers (normalised) against the reference's, query by query.
   *
   * @throws AnswersDisagree naming the contender, the query and the first differing byte
   */
  public static void compare(List<String> queries, String referenceName, List<byte[]> reference,
      Map<String, List<byte[]>> contenders) {
    for (Map.Entry<String, List<byte[]>> contender : contenders.entrySet()) {
      List<byte[]> actual = contender.getValue();
      if (actual.size() != reference.size()) {
        throw new AnswersDisagree(contender.getKey() + " gave " + actual.size() + " answers, " + referenceName
            + " " + reference.size());
      }
      for (int i = 0; i < reference.size(); i++) {
        if (!Arrays.equals(reference.get(i), actual.get(i))) {
          throw difference(contender.getKey() + " disagrees with " + referenceName, queries.get(i), reference.get(i),
              actual.get(i));
        }
      }
    }
  }

  /** Check 4: each answer's rcode and answer and authority counts are its probe's. */
  public static void matchesCorpus(String contender, List<Probe> probes, List<byte[]> answers) {
    for (int i = 0; i < probes.size(); i++) {
      Probe p = probes.get(i);
      byte[] a = answers.get(i);
      int rcode = a[3] & 0xf;
      int an = u16(a, 6);
      int ns = u16(a, 8);
      if (rcode != p.rcode() || an != p.answers() || ns != p.authorities()) {
        throw new AnswersDisagree(contender + ": the answer to " + p.label() + " has rcode " + rcode + ", " + an
            + " answers, " + ns + " authorities; the corpus response has rcode " + p.rcode() + ", " + p.answers()
            + ", " + p.authorities() + (rcode == RCODE_SERVFAIL ? " (did the upstream answer?)" : ""));
      }
    }
  }

  /**
   * A copy of the DNS answer {@code answer[0, length)} with the ID and every record's TTL set to zero (not
   * the OPT record's, whose TTL field holds the extended rcode, version and DO bit).
   *
   * @throws AnswersDisagree if the bytes are not a well-formed DNS message
   */
  public static byte[] normalise(byte[] answer, int length) {
    byte[] m = Arrays.copyOf(answer, length);
    try {
      m[0] = 0;
      m[1] = 0;
      int questions = u16(m, 4);
      int records = u16(m, 6) + u16(m, 8) + u16(m, 10);
      int at = 12;
      for (int i = 0; i < questions; i++) {
        at = skipName(m, at) + 4;
      }
      for (int i = 0; i < records; i++) {
        at = skipName(m, at);
        int type = u16(m, at);
        if (type != TYPE_OPT) {
          Arrays.fill(m, at + 4, at + 8, (byte) 0);
        }
        at += 10 + u16(m, at + 8);
      }
      if (at != length) {
        throw new AnswersDisagree("an answer of " + length + " bytes whose records end at " + at);
      }
    } catch (ArrayIndexOutOfBoundsException e) {
      throw new AnswersDisagree("an answer that is not a whole DNS message: " + HexFormat.of().formatHex(m));
    }
    return m;
  }

  private static int skipName(byte[] m, int at) {
    while (true) {
      int len = m[at] & 0xff;
      if (len == 0) {
        return at + 1;
      }
      if ((len & 0xc0) == 0xc0) {
        return at + 2;
      }
      at += 1 + len;
    }
  }

  private static int u16(byte[] m, int at) {
    return (m[at] & 0xff) << 8 | (m[at + 1] & 0xff);
  }

  private static AnswersDisagree difference(String what, String query, byte[] expected, byte[] actual) {
    int at = Arrays.mismatch(expected, actual);
    return new AnswersDisagree(what + " on " + query + ": first difference at byte " + at + " of " + expected.length
        + " expected / " + actual.length + " given (ID and TTLs zeroed)\n  expected " + HexFormat.of().formatHex(expected)
        + "\n  given    " + HexFormat.of().formatHex(actual));
  }
}
