package dev.protodec.dns.corpus;

import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
import dev.protodec.dns.v1.DnsMessage;
import dev.protodec.dns.v1.Rcode;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The make-up of a {@link DnsCorpus}, in the terms REFERENCE.md describes the reference corpus with.
 * Percentiles are nearest-rank (the median is the 50th). Strings are the set {@code string} fields
 * (names, CNAME/NS/PTR targets, MX exchanges, SOA names); TXT strings are {@code bytes} and not counted.
 *
 * <p>{@code java -cp ... dev.protodec.dns.corpus.CorpusStats [count] [seed]} prints them.
 *
 * @param count messages
 * @param totalBytes sum of the encoded sizes
 * @param qtypeShares share of each first question's type, by mnemonic, largest first
 * @param rcodeShares share of each rcode, by name, largest first
 */
public record CorpusStats(
    int count,
    long totalBytes,
    double meanBytes,
    int medianBytes,
    int p90Bytes,
    int p99Bytes,
    int minBytes,
    int maxBytes,
    double recordsPerMessage,
    double stringsPerMessage,
    double ednsShare,
    Map<String, Double> qtypeShares,
    Map<String, Double> rcodeShares) {

  public CorpusStats {
    qtypeShares = Collections.unmodifiableMap(new LinkedHashMap<>(qtypeShares));
    rcodeShares = Collections.unmodifiableMap(new LinkedHashMap<>(rcodeShares));
  }

  public static CorpusStats of(DnsCorpus corpus) {
    int n = corpus.size();
    int[] sizes = new int[n];
    for (int i = 0; i < n; i++) {
      sizes[i] = corpus.encoded(i).length;
    }
    Arrays.sort(sizes);
    List<DnsMessage> messages = corpus.messages();
    long records = 0;
    long strings = 0;
    int edns = 0;
    for (DnsMessage m : messages) {
      records += m.getAnswersCount() + m.getAuthoritiesCount() + m.getAdditionalsCount();
      strings += countStrings(m);
      edns += m.hasEdns() ? 1 : 0;
    }
    return new CorpusStats(
        n,
        corpus.totalBytes(),
        (double) corpus.totalBytes() / n,
        percentile(sizes, 50),
        percentile(sizes, 90),
        percentile(sizes, 99),
        sizes[0],
        sizes[n - 1],
        (double) records / n,
        (double) strings / n,
        (double) edns / n,
        shares(messages, CorpusStats::qtypeName),
        shares(messages, m -> rcodeName(m.getHeader().getRcodeValue())));
  }

  /** Prints the statistics of {@code DnsCorpus.generate(count, seed)} (defaults: the default corpus). */
  public static void main(String[] args) {
    int count = args.length > 0 ? Integer.parseInt(args[0]) : DnsCorpus.DEFAULT_SIZE;
    long seed = args.length > 1 ? Long.parseLong(args[1]) : DnsCorpus.DEFAULT_SEED;
    System.out.println("DNS corpus, seed " + seed);
    System.out.print(of(DnsCorpus.generate(count, seed)).format());
  }

  /** The statistics as a few lines of text. */
  public String format() {
    return String.format(Locale.ROOT,
        "messages  %,d, %,d bytes%n"
            + "size      mean %.1f, median %d, p90 %d, p99 %d, min %d, max %d%n"
            + "per msg   %.2f records, %.2f strings%n"
            + "EDNS      %.1f%%%n"
            + "qtypes    %s%n"
            + "rcodes    %s%n",
        count, totalBytes, meanBytes, medianBytes, p90Bytes, p99Bytes, minBytes, maxBytes,
        recordsPerMessage, stringsPerMessage, 100 * ednsShare,
        percentages(qtypeShares), percentages(rcodeShares));
  }

  private static int percentile(int[] sorted, int p) {
    int rank = (int) Math.ceil(p / 100.0 * sorted.length);
    return sorted[Math.max(0, rank - 1)];
  }

  /** Set {@code string} fields, recursively: proto3 leaves empty strings unset. */
  private static int countStrings(Message message) {
    int n = 0;
    for (Map.Entry<FieldDescriptor, Object> field : message.getAllFields().entrySet()) {
      FieldDescriptor descriptor = field.getKey();
      List<?> values = descriptor.isRepeated() ? (List<?>) field.getValue() : List.of(field.getValue());
      for (Object value : values) {
        if (descriptor.getJavaType() == FieldDescriptor.JavaType.STRING) {
          n++;
        } else if (value instanceof Message) {
          n += countStrings((Message) value);
        }
      }
    }
    return n;
  }

  private static String qtypeName(DnsMessage m) {
    return m.getQuestionsCount() == 0 ? "none" : RecordType.mnemonic(m.getQuestions(0).getQtype());
  }

  private static String rcodeName(int number) {
    Rcode rcode = Rcode.forNumber(number);
    return rcode == null ? "RCODE" + number : rcode.name();
  }

  private static Map<String, Double> shares(List<DnsMessage> messages, Function<DnsMessage, String> key) {
    Map<String, Long> counts =
        messages.stream().collect(Collectors.groupingBy(key, TreeMap::new, Collectors.counting()));
    Map<String, Double> shares = new LinkedHashMap<>();
    counts.entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())
            .thenComparing(Map.Entry.comparingByKey()))
        .forEach(e -> shares.put(e.getKey(), (double) e.getValue() / messages.size()));
    return shares;
  }

  private static String percentages(Map<String, Double> shares) {
    return shares.entrySet().stream()
        .map(e -> String.format(Locale.ROOT, "%s %.1f%%", e.getKey(), 100 * e.getValue()))
        .collect(Collectors.joining(", "));
  }
}
