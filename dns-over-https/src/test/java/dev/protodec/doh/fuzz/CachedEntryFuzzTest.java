package dev.protodec.doh.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.protodec.doh.answer.AnswerWriter;
import dev.protodec.doh.decode.CachedAnswerDecoder;
import dev.protodec.doh.decode.GeneratedAnswerDecoder;
import dev.protodec.doh.decode.ReflectiveAnswerDecoder;
import dev.protodec.doh.query.ParsedQuery;
import dev.protodec.doh.query.QueryParser;
import java.io.IOException;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/**
 * A cache entry that is not what the resolver stored (corrupt, or from a shared cache of another
 * version) given to the protobuf decoders: each either writes a well-framed answer ({@link WireFraming}:
 * counts, names, record lengths, the RDATA of the types it writes from typed fields) or fails with an
 * {@link IOException} (which the resolver answers with SERVFAIL) — no other exception, and the two
 * decoders agree on which entries are bad.
 */
class CachedEntryFuzzTest {
  private static final CachedAnswerDecoder GENERATED = new GeneratedAnswerDecoder(false);
  private static final CachedAnswerDecoder REFLECTIVE = new ReflectiveAnswerDecoder();

  private final ParsedQuery query = new ParsedQuery();
  private final AnswerWriter generatedOut = new AnswerWriter();
  private final AnswerWriter reflectiveOut = new AnswerWriter();

  @FuzzTest(maxDuration = "60s")
  void corruptEntriesFailCleanly(FuzzedDataProvider data) throws Exception {
    Message q = Message.newQuery(Record.newRecord(Name.fromString("www.example.test."), Type.A, 1));
    q.getHeader().setFlag(Flags.RD);
    byte[] wire = q.toWire();
    new QueryParser().parse(wire, 0, wire.length, query);
    int elapsed = data.consumeInt(0, 1 << 20);
    byte[] payload = data.consumeRemainingAsBytes();

    boolean generatedOk = writes(GENERATED, payload, elapsed, generatedOut);
    boolean reflectiveOk = writes(REFLECTIVE, payload, elapsed, reflectiveOut);
    if (generatedOk != reflectiveOk) {
      throw new AssertionError("generated " + (generatedOk ? "accepts" : "rejects") + " an entry that"
          + " reflective " + (reflectiveOk ? "accepts" : "rejects"));
    }
  }

  private boolean writes(CachedAnswerDecoder decoder, byte[] payload, int elapsed, AnswerWriter out)
      throws IOException {
    try {
      decoder.write(payload, query, 1232, elapsed, 0, out);
      out.finish(false);
    } catch (IOException e) {
      return false;
    }
    byte[] answer = java.util.Arrays.copyOf(out.buffer(), out.length());
    WireFraming.check(answer); // throws (an IOException) if the writer wrote nonsense
    return true;
  }
}
