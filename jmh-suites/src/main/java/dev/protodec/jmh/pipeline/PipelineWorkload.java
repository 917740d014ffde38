package dev.protodec.jmh.pipeline;

import dev.protodec.dns.corpus.DnsCorpus;
import dev.protodec.dns.v1.DnsMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.xbill.DNS.DClass;
import org.xbill.DNS.ExtendedFlags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.OPTRecord;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;

/**
 * What the pipeline benchmarks send: the corpus's distinct questions (name and type of each response's
 * question, with EDNS and the DO bit when the response has them), the upstream reply for each (the
 * corpus response as DNS wire), and request sequences drawn with a Zipf popularity skew: the question of
 * popularity rank {@code k} is asked with probability proportional to {@code 1 / k^}{@value
 * #ZIPF_EXPONENT}, ranks dealt to questions by a seeded shuffle. Everything comes from fixed seeds, so
 * every fork and every run sends the same bytes.
 *
 * <p>Misses are unique names: {@code x<10 hex digits>.<a corpus name>}, stamped into a query template
 * per request ({@link #stamp}), which the in-process upstream answers as a wildcard would, with the
 * corpus response for the name below the first label ({@link CorpusUpstream}).
 */
public final class PipelineWorkload {
  /** The seed of the request sequences and the popularity ranks. */
  public static final long SEED = 20261201L;
  /** The Zipf exponent: about what resolver traces show for name popularity. */
  public static final double ZIPF_EXPONENT = 1.0;
  /** The EDNS payload size clients announce (DNS flag day 2020). */
  public static final int CLIENT_UDP_SIZE = 1232;
  /** Where the miss label's hex digits start in a query template: after the header, its length, the 'x'. */
  static final int MISS_DIGITS_AT = 12 + 1 + 1;
  static final int MISS_DIGITS = 10;

  private final List<CorpusQuestion> questions;
  private final double[] cumulative;
  private final int[] rankToQuestion;

  private PipelineWorkload(List<CorpusQuestion> questions, long seed) {
    this.questions = Collections.unmodifiableList(questions);
    this.cumulative = new double[questions.size()];
    double sum = 0;
    for (int k = 0; k < cumulative.length; k++) {
      sum += 1 / Math.pow(k + 1, ZIPF_EXPONENT);
      cumulative[k] = sum;
    }
    for (int k = 0; k < cumulative.length; k++) {
      cumulative[k] /= sum;
    }
    List<Integer> ranks = new ArrayList<>();
    for (int i = 0; i < questions.size(); i++) {
      ranks.add(i);
    }
    Collections.shuffle(ranks, new Random(seed));
    this.rankToQuestion = ranks.stream().mapToInt(Integer::intValue).toArray();
  }

  /** The default corpus's distinct questions. */
  public static PipelineWorkload fromCorpus() {
    return fromCorpus(DnsCorpus.generate());
  }

  /** {@code corpus}'s distinct questions (the first response for a name and type wins). */
  public static PipelineWorkload fromCorpus(DnsCorpus corpus) {
    Map<String, CorpusQuestion> distinct = new LinkedHashMap<>();
    List<DnsMessage> messages = corpus.messages();
    for (int i = 0; i < messages.size(); i++) {
      DnsMessage response = messages.get(i);
      if (response.getQuestionsCount() != 1) {
        continue;
      }
      String key = key(response.getQuestions(0).getName(), response.getQuestions(0).getQtype());
      if (!distinct.containsKey(key)) {
        distinct.put(key, CorpusQuestion.of(i, response));
      }
    }
    return new PipelineWorkload(new ArrayList<>(distinct.values()), SEED);
  }

  static String key(String name, int type) {
    String n = name.toLowerCase(Locale.ROOT);
    return (n.endsWith(".") ? n : n + ".") + "/" + type;
  }

  public List<CorpusQuestion> questions() {
    return questions;
  }

  /** {@code count} questions (indices into {@link #questions()}) drawn by popularity from {@code random}. */
  public int[] draw(int count, Random random) {
    int[] drawn = new int[count];
    for (int i = 0; i < count; i++) {
      int rank = java.util.Arrays.binarySearch(cumulative, random.nextDouble());
      drawn[i] = rankToQuestion[rank < 0 ? Math.min(-rank - 1, cumulative.length - 1) : rank];
    }
    return drawn;
  }

  /** {@code count} miss bases, drawn by popularity among the questions that can take a miss label. */
  public int[] drawMissBases(int count, Random random) {
    int[] drawn = new int[count];
    for (int i = 0; i < count; i++) {
      int q;
      do {
        q = draw(1, random)[0];
      } while (!questions.get(q).canBeMissBase());
      drawn[i] = q;
    }
    return drawn;
  }

  /** The client's query for {@code q} with {@code id}, as DNS wire. */
  public static byte[] query(CorpusQuestion q, int id) {
    return query(q.name(), q, id);
  }

  /** A query template for a unique name below {@code base}; {@link #stamp} makes each use unique. */
  public static byte[] missTemplate(CorpusQuestion base, int id) {
    try {
      Name name = Name.concatenate(Name.fromString("x" + "0".repeat(MISS_DIGITS), null), base.name());
      return query(name, base, id);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Writes {@code counter} as the miss label's hex digits into {@code template}. */
  public static void stamp(byte[] template, long counter) {
    for (int i = MISS_DIGITS - 1; i >= 0; i--) {
      int digit = (int) (counter & 0xf);
      template[MISS_DIGITS_AT + i] = (byte) (digit < 10 ? '0' + digit : 'a' + digit - 10);
      counter >>>= 4;
    }
  }

  private static byte[] query(Name name, CorpusQuestion q, int id) {
    Message m = Message.newQuery(Record.newRecord(name, q.type(), DClass.IN));
    m.getHeader().setID(id);
    if (q.edns()) {
      m.addRecord(new OPTRecord(CLIENT_UDP_SIZE, 0, 0, q.dnssecOk() ? ExtendedFlags.DO : 0), Section.ADDITIONAL);
    }
    return m.toWire();
  }

  /** One distinct question of the corpus and the reply the upstream gives for it. */
  public static final class CorpusQuestion {
    private final int corpusIndex;
    private final Name name;
    private final int type;
    private final boolean edns;
    private final boolean dnssecOk;
    private final int rcode;
    private final int answers;
    private final int authorities;
    private final Message reply;
    private final byte[] replyWire;

    private CorpusQuestion(int corpusIndex, DnsMessage response, Message reply) {
      this.corpusIndex = corpusIndex;
      this.name = reply.getQuestion().getName();
      this.type = reply.getQuestion().getType();
      this.edns = response.hasEdns();
      this.dnssecOk = response.hasEdns() && response.getEdns().getDnssecOk();
      this.rcode = reply.getRcode();
      this.answers = response.getAnswersCount();
      this.authorities = response.getAuthoritiesCount();
      this.reply = reply;
      this.replyWire = reply.toWire();
      if (replyWire.length > CLIENT_UDP_SIZE - 16) {
        throw new IllegalStateException("corpus response " + corpusIndex + " is " + replyWire.length
            + " bytes of DNS wire: the in-process upstream does not truncate, so it must fit "
            + CLIENT_UDP_SIZE + " with room for a miss label");
      }
    }

    static CorpusQuestion of(int corpusIndex, DnsMessage response) {
      try {
        return new CorpusQuestion(corpusIndex, response, CorpusReplies.toDns(response));
      } catch (IOException | RuntimeException e) {
        throw new IllegalStateException("corpus response " + corpusIndex + " is not a DNS message dnsjava builds",
            e);
      }
    }

    /** Which corpus message this question comes from. */
    public int corpusIndex() {
      return corpusIndex;
    }

    public Name name() {
      return name;
    }

    public int type() {
      return type;
    }

    public boolean edns() {
      return edns;
    }

    public boolean dnssecOk() {
      return dnssecOk;
    }

    /** The response's rcode. */
    public int rcode() {
      return rcode;
    }

    /** Records in the response's answer section. */
    public int answers() {
      return answers;
    }

    /** Records in the response's authority section. */
    public int authorities() {
      return authorities;
    }

    /** The upstream reply as dnsjava built it (do not modify). */
    Message reply() {
      return reply;
    }

    /** The upstream reply as DNS wire, ID 0 (do not modify). */
    byte[] replyWire() {
      return replyWire;
    }

    /**
     * Whether a miss may go below this name: room for the label, and not SERVFAIL, so that a SERVFAIL
     * for a miss can only mean that the upstream failed.
     */
    boolean canBeMissBase() {
      return rcode != Rcode.SERVFAIL && name.length() + 1 + 1 + MISS_DIGITS <= 255;
    }

    @Override
    public String toString() {
      return name + "/" + org.xbill.DNS.Type.string(type) + " (corpus message " + corpusIndex + ")";
    }
  }
}
