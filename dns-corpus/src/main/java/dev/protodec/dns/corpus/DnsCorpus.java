package dev.protodec.dns.corpus;

import dev.protodec.dns.v1.DnsMessage;
import dev.protodec.dns.v1.Rcode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * A deterministic corpus of DNS responses, as protobuf-java {@link DnsMessage}s and their encodings
 * (field numbers ascending, as protobuf-java writes them). The same size and seed give the same bytes
 * on every JDK: all draws come from one {@link Random}, whose algorithm the JDK specifies.
 *
 * <p>Its make-up follows the reference corpus the baselines were measured on (REFERENCE.md): about
 * 281 bytes per message (median 249, p90 496, p99 736), 3.5 records and 5.3 strings per message, 85%
 * with EDNS; question types A 53%, AAAA 21%, TXT 8%, MX 7%, HTTPS 6% (as raw RDATA), PTR 3%, NS 2%;
 * rcodes NOERROR 88%, NXDOMAIN 10% (with the zone's SOA), SERVFAIL 3% (with an RFC 8914 Extended DNS
 * Error). The question-type, rcode and EDNS mixes are exact (each message's lot is dealt from a
 * shuffled deck), so small corpora have the same mix as large ones; sizes, record counts and the rest
 * are drawn per message. {@link CorpusStats} prints the make-up; for the default corpus:
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
 * <p>The bulk of the size comes from address RRsets of 2 to 8 records (some behind CNAME chains to
 * CDNs; 23% of messages have a CNAME), long names of cloud-hosted services, DNS cookies (55%), and
 * RRSIGs in the 17% of answers that a DNSSEC-OK client gets from a signed zone; the tail from TXT
 * RRsets (SPF, verification tokens, DKIM keys) and signed answers. {@code CorpusStatsTest} holds the
 * tolerances against the reference.
 *
 * <p>A response whose encoding exceeds {@value #MAX_MESSAGE_BYTES} bytes is redrawn: the reference's
 * largest was 976, and a DNS answer much larger would not fit the 1,232-byte UDP payload most
 * resolvers announce (DNS flag day 2020).
 */
public final class DnsCorpus {
  /** The seed of the default corpus, which benchmarks and reports use. */
  public static final long DEFAULT_SEED = 20261122L;

  /** The size of the default corpus: the reference corpus had 1,000 messages. */
  public static final int DEFAULT_SIZE = 1_000;

  /** The largest encoded message the corpus holds. */
  public static final int MAX_MESSAGE_BYTES = 1_000;

  private static final RecordType[] QTYPES = {
    RecordType.A, RecordType.AAAA, RecordType.TXT, RecordType.MX, RecordType.HTTPS, RecordType.PTR,
    RecordType.NS,
  };
  private static final double[] QTYPE_SHARES = {0.53, 0.21, 0.08, 0.07, 0.06, 0.03, 0.02};

  private static final Rcode[] RCODES = {Rcode.NOERROR, Rcode.NXDOMAIN, Rcode.SERVFAIL};
  private static final double[] RCODE_SHARES = {0.876, 0.097, 0.027};

  private static final double EDNS_SHARE = 0.85;

  private final long seed;
  private final List<DnsMessage> messages;
  private final byte[][] encoded;

  private DnsCorpus(long seed, List<DnsMessage> messages, byte[][] encoded) {
    this.seed = seed;
    this.messages = Collections.unmodifiableList(messages);
    this.encoded = encoded;
  }

  /** The default corpus: {@value #DEFAULT_SIZE} messages from {@link #DEFAULT_SEED}. */
  public static DnsCorpus generate() {
    return generate(DEFAULT_SIZE, DEFAULT_SEED);
  }

  /** {@code size} messages from {@link #DEFAULT_SEED}. */
  public static DnsCorpus generate(int size) {
    return generate(size, DEFAULT_SEED);
  }

  /** {@code size} messages from {@code seed}. */
  public static DnsCorpus generate(int size, long seed) {
    if (size < 1) {
      throw new IllegalArgumentException("a corpus needs at least one message, asked for " + size);
    }
    Random random = new Random(seed);
    RecordType[] qtypes = deal(QTYPES, QTYPE_SHARES, size, random);
    Rcode[] rcodes = deal(RCODES, RCODE_SHARES, size, random);
    boolean[] edns = ednsLots(rcodes, random);
    ResponseGenerator generator = new ResponseGenerator(random);
    List<DnsMessage> messages = new ArrayList<>(size);
    byte[][] encoded = new byte[size][];
    for (int i = 0; i < size; i++) {
      DnsMessage message;
      byte[] bytes;
      do {
        message = generator.response(qtypes[i], rcodes[i], edns[i]);
        bytes = message.toByteArray();
      } while (bytes.length > MAX_MESSAGE_BYTES);
      messages.add(message);
      encoded[i] = bytes;
    }
    return new DnsCorpus(seed, messages, encoded);
  }

  public long seed() {
    return seed;
  }

  public int size() {
    return encoded.length;
  }

  /** The messages, as protobuf-java built them (immutable). */
  public List<DnsMessage> messages() {
    return messages;
  }

  /** Message {@code index}, encoded. The array is shared: do not modify it. */
  public byte[] encoded(int index) {
    return encoded[index];
  }

  /**
   * Every message, encoded: a new outer array (benchmarks index it directly), holding the shared
   * encodings, which must not be modified.
   */
  public byte[][] encoded() {
    return encoded.clone();
  }

  /** The sum of the encoded sizes. */
  public long totalBytes() {
    long total = 0;
    for (byte[] bytes : encoded) {
      total += bytes.length;
    }
    return total;
  }

  /**
   * A shuffled deck of {@code size} lots holding each value {@code shares[i] * size} times, rounded
   * by largest remainder so the counts add up to {@code size}.
   */
  private static <T> T[] deal(T[] values, double[] shares, int size, Random random) {
    int[] counts = new int[values.length];
    double[] remainders = new double[values.length];
    int dealt = 0;
    for (int i = 0; i < values.length; i++) {
      double exact = shares[i] * size;
      counts[i] = (int) Math.floor(exact);
      remainders[i] = exact - counts[i];
      dealt += counts[i];
    }
    while (dealt < size) {
      int largest = 0;
      for (int i = 1; i < values.length; i++) {
        if (remainders[i] > remainders[largest]) {
          largest = i;
        }
      }
      counts[largest]++;
      remainders[largest] = -1;
      dealt++;
    }
    List<T> deck = new ArrayList<>(size);
    for (int i = 0; i < values.length; i++) {
      deck.addAll(Collections.nCopies(counts[i], values[i]));
    }
    Collections.shuffle(deck, random);
    return deck.toArray(Arrays.copyOf(values, 0));
  }

  /**
   * Which messages carry EDNS: every SERVFAIL (its Extended DNS Error travels in EDNS), and as many of
   * the others, dealt at random, as make {@link #EDNS_SHARE} of the corpus.
   */
  private static boolean[] ednsLots(Rcode[] rcodes, Random random) {
    int size = rcodes.length;
    List<Integer> others = new ArrayList<>();
    boolean[] edns = new boolean[size];
    for (int i = 0; i < size; i++) {
      if (rcodes[i] == Rcode.SERVFAIL) {
        edns[i] = true;
      } else {
        others.add(i);
      }
    }
    int wanted = (int) Math.round(EDNS_SHARE * size) - (size - others.size());
    Collections.shuffle(others, random);
    for (int i = 0; i < Math.max(0, Math.min(wanted, others.size())); i++) {
      edns[others.get(i)] = true;
    }
    return edns;
  }
}
