package dev.protodec.load;

import com.google.protobuf.ByteString;
import dev.protodec.dns.corpus.DnsCorpus;
import dev.protodec.dns.v1.DnsMessage;
import dev.protodec.dns.v1.Question;
import dev.protodec.dns.v1.Rcode;
import dev.protodec.dns.v1.ResourceRecord;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.NSRecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/**
 * The load test's corpus: one zone that answers every corpus question, and queries drawn from those
 * questions with a Zipf popularity skew.
 *
 * <p>The corpus names sit under many public suffixes, so the zone is the root ({@code .}): its apex has
 * the SOA and NS, and every corpus answer's records go in under their own names, TTLs raised to a day so
 * nothing expires during a run (every measured request is a cache hit after warm-up). Corpus NXDOMAIN
 * and SERVFAIL questions get no records: the zone answers them NXDOMAIN (or NODATA where another name
 * lies below). Three things the zone cannot hold are left out and counted: RRSIGs (an unsigned zone),
 * NS records below the apex (in a root zone they are delegations, answered with referrals), and data
 * beside a CNAME of another message (RFC 1034 forbids both). A NOERROR question that loses its own
 * records that way is dropped from the workload, so every query has an answer.
 */
final class CorpusWorkload {
  /** Zipf exponent of the popularity skew. */
  static final double ZIPF_EXPONENT = 1.0;
  static final long SEED = 20261201L;
  static final long ZONE_TTL = 86_400;

  /** One question of the workload: name, type and whether the zone answers it with data. */
  record Query(String name, int type, boolean positive) {
    /** The RFC 8484 wire query, RD set, with EDNS (1232) as a stub resolver sends it. */
    byte[] wire(int id) {
      try {
        Message m = Message.newQuery(Record.newRecord(Name.fromString(name), type, DClass.IN));
        m.getHeader().setID(id);
        m.getHeader().setFlag(Flags.RD);
        m.addRecord(new org.xbill.DNS.OPTRecord(1232, 0, 0), Section.ADDITIONAL);
        return m.toWire();
      } catch (IOException e) {
        throw new IllegalStateException(name, e);
      }
    }

    /** {@code /dns-query?dns=...} with ID 0, as RFC 8484 §4.1 recommends for cache-friendly GETs. */
    String getPath() {
      return "/dns-query?dns=" + Base64.getUrlEncoder().withoutPadding().encodeToString(wire(0));
    }
  }

  private final List<Query> queries;
  private final List<Record> zone;
  private final int[] draws;
  private final Map<String, Integer> leftOut;

  private CorpusWorkload(List<Query> queries, List<Record> zone, int[] draws, Map<String, Integer> leftOut) {
    this.queries = queries;
    this.zone = zone;
    this.draws = draws;
    this.leftOut = leftOut;
  }

  /** The default corpus, {@code drawCount} Zipf draws. */
  static CorpusWorkload build(int drawCount) {
    return build(DnsCorpus.generate(), drawCount);
  }

  static CorpusWorkload build(DnsCorpus corpus, int drawCount) {
    Map<String, Integer> leftOut = new LinkedHashMap<>();
    Map<Name, List<Record>> byName = new LinkedHashMap<>();
    Set<Name> cnames = new HashSet<>();
    List<Query> questions = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    Set<Name> questionNames = new HashSet<>();
    for (DnsMessage m : corpus.messages()) {
      for (Question q : m.getQuestionsList()) {
        questionNames.add(name(q.getName()));
      }
    }
    for (DnsMessage m : corpus.messages()) {
      if (m.getQuestionsCount() == 0) {
        continue;
      }
      Question q = m.getQuestions(0);
      String key = absolute(q.getName()) + "/" + q.getQtype();
      if (!seen.add(key)) {
        continue;
      }
      boolean positive = m.getHeader().getRcode() == Rcode.NOERROR && m.getAnswersCount() > 0;
      boolean own = false;
      if (positive) {
        for (ResourceRecord r : m.getAnswersList()) {
          Record record = record(r);
          String why = record == null ? "records of type " + r.getType() + " without RDATA here"
              : admit(record, byName, cnames, questionNames);
          if (why != null) {
            leftOut.merge(why, 1, Integer::sum);
            continue;
          }
          if (record.getName().equals(name(q.getName()))) {
            own = true;
          }
        }
      }
      if (positive && !own) {
        leftOut.merge("NOERROR questions dropped (their records could not go in)", 1, Integer::sum);
        continue;
      }
      questions.add(new Query(absolute(q.getName()), q.getQtype(), positive));
    }
    List<Record> zone = new ArrayList<>();
    try {
      zone.add(new SOARecord(Name.root, DClass.IN, ZONE_TTL, Name.fromString("ns.load.test."),
          Name.fromString("hostmaster.load.test."), 1, 3600, 600, 604800, ZONE_TTL));
      zone.add(new NSRecord(Name.root, DClass.IN, ZONE_TTL, Name.fromString("ns.load.test.")));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    byName.values().forEach(zone::addAll);
    // popularity: a seeded shuffle decides which question is rank 1, 2, ...
    List<Integer> ranks = new ArrayList<>();
    for (int i = 0; i < questions.size(); i++) {
      ranks.add(i);
    }
    Collections.shuffle(ranks, new Random(SEED));
    Zipf zipf = new Zipf(questions.size(), ZIPF_EXPONENT, SEED + 1);
    int[] draws = new int[drawCount];
    for (int i = 0; i < drawCount; i++) {
      draws[i] = ranks.get(zipf.next());
    }
    return new CorpusWorkload(List.copyOf(questions), zone, draws, leftOut);
  }

  /** Null if {@code record} went in, else why not. */
  private static String admit(Record record, Map<Name, List<Record>> byName, Set<Name> cnames,
      Set<Name> questionNames) {
    Name owner = record.getName();
    if (record.getType() == Type.RRSIG) {
      return "RRSIG records (unsigned zone)";
    }
    if (record.getType() == Type.NS) {
      return "NS records below the apex (a root zone answers them with a referral, not data)";
    }
    List<Record> existing = byName.computeIfAbsent(owner, n -> new ArrayList<>());
    boolean isCname = record.getType() == Type.CNAME;
    if (cnames.contains(owner) ? !(isCname && existing.contains(record)) : isCname && !existing.isEmpty()) {
      return "records beside a CNAME";
    }
    if (existing.stream().anyMatch(r -> r.getType() == record.getType() && r.rdataToString().equals(
        record.rdataToString()))) {
      return null; // the same record from another message
    }
    existing.add(record);
    if (isCname) {
      cnames.add(owner);
    }
    return null;
  }

  List<Query> queries() {
    return queries;
  }

  /** Indexes into {@link #queries()}, Zipf-drawn. */
  int[] draws() {
    return draws.clone();
  }

  /** What the zone could not hold, and how often. */
  Map<String, Integer> leftOut() {
    return Collections.unmodifiableMap(leftOut);
  }

  List<Record> zoneRecords() {
    return Collections.unmodifiableList(zone);
  }

  /** The master file: {@code $ORIGIN .}, the SOA first, one record per line. */
  String zoneText() {
    StringBuilder out = new StringBuilder("; protodec-doh-load: the DNS corpus as one root zone\n$ORIGIN .\n");
    for (Record r : zone) {
      out.append(r).append('\n');
    }
    return out.toString();
  }

  void writeZone(Path file) throws IOException {
    Files.writeString(file, zoneText(), StandardCharsets.UTF_8);
  }

  /** h2load's {@code -i} file: one absolute URI per draw. */
  void writeGetUris(Path file, String base) throws IOException {
    StringBuilder out = new StringBuilder();
    for (int d : draws) {
      out.append(base).append(queries.get(d).getPath()).append('\n');
    }
    Files.writeString(file, out.toString(), StandardCharsets.US_ASCII);
  }

  /** The most popular question (rank 1), whose query h2load's {@code -d} POSTs on every request. */
  Query top() {
    int[] counts = new int[queries.size()];
    int best = 0;
    for (int d : draws) {
      if (++counts[d] > counts[best]) {
        best = d;
      }
    }
    return queries.get(best);
  }

  private static Record record(ResourceRecord r) {
    if (r.getRdataCase() == ResourceRecord.RdataCase.SOA
        || r.getRdataCase() == ResourceRecord.RdataCase.RDATA_NOT_SET) {
      return null;
    }
    try {
      return Record.newRecord(name(r.getName()), r.getType(), DClass.IN, ZONE_TTL, rdata(r));
    } catch (IOException e) {
      throw new IllegalStateException("corpus record " + r.getName() + " type " + r.getType(), e);
    }
  }

  private static byte[] rdata(ResourceRecord r) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    switch (r.getRdataCase()) {
      case A -> {
        int a = r.getA();
        out.write(new byte[] {(byte) (a >>> 24), (byte) (a >>> 16), (byte) (a >>> 8), (byte) a});
      }
      case AAAA -> r.getAaaa().writeTo(out);
      case CNAME -> out.write(name(r.getCname()).toWire());
      case NS -> out.write(name(r.getNs()).toWire());
      case PTR -> out.write(name(r.getPtr()).toWire());
      case MX -> {
        out.write(r.getMx().getPreference() >>> 8);
        out.write(r.getMx().getPreference());
        out.write(name(r.getMx().getExchange()).toWire());
      }
      case TXT -> {
        for (ByteString s : r.getTxt().getStringsList()) {
          out.write(s.size());
          s.writeTo(out);
        }
      }
      case RAW -> r.getRaw().writeTo(out);
      default -> throw new IOException("no RDATA for type " + r.getType() + " (" + r.getRdataCase() + ")");
    }
    return out.toByteArray();
  }

  private static String absolute(String text) {
    return text.endsWith(".") ? text : text + ".";
  }

  static Name name(String text) {
    try {
      return Name.fromString(absolute(text));
    } catch (IOException e) {
      throw new IllegalArgumentException(text, e);
    }
  }
}
