package dev.protodec.doh.server;

import dev.protodec.doh.resolver.AnswerCallback;
import dev.protodec.doh.resolver.MalformedQueryException;
import dev.protodec.doh.resolver.Resolver;
import java.io.IOException;
import java.net.InetAddress;
import java.util.Arrays;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/**
 * Test-only {@link Resolver} (until the core's {@code DefaultResolver} is used): answers {@code
 * example.test.} A with 192.0.2.1, TTL {@link #TTL}, and NXDOMAIN for every other name, built with
 * dnsjava. With a delay, answers later from another thread, as a cache miss would.
 */
final class FixedAnswerTestResolver implements Resolver {

  static final Name NAME = Name.fromConstantString("example.test.");
  static final String ADDRESS = "192.0.2.1";
  static final int TTL = 300;

  private final long delayMillis;
  private final ScheduledExecutorService later =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "test-resolver");
            t.setDaemon(true);
            return t;
          });

  /** Answers on the calling thread (every query a hit). */
  FixedAnswerTestResolver() {
    this(0);
  }

  /** Answers after {@code delayMillis} from another thread (every query a miss). */
  FixedAnswerTestResolver(long delayMillis) {
    this.delayMillis = delayMillis;
  }

  @Override
  public void resolve(byte[] query, int offset, int length, AnswerCallback callback) {
    Message parsed;
    try {
      parsed = new Message(Arrays.copyOfRange(query, offset, offset + length));
    } catch (IOException e) {
      callback.onMalformed(new MalformedQueryException(MalformedQueryException.Reason.TRUNCATED_QUESTION, e.getMessage()));
      return;
    }
    if (parsed.getHeader().getFlag(Flags.QR) || parsed.getQuestion() == null) {
      callback.onMalformed(new MalformedQueryException(MalformedQueryException.Reason.NOT_A_QUERY, "not a query"));
      return;
    }
    byte[] answer = answer(parsed);
    if (delayMillis == 0) {
      callback.onAnswer(answer, answer.length, TTL);
    } else {
      later.schedule(() -> callback.onAnswer(answer, answer.length, TTL), delayMillis, TimeUnit.MILLISECONDS);
    }
  }

  private static byte[] answer(Message query) {
    Message answer = new Message(query.getHeader().getID());
    answer.getHeader().setFlag(Flags.QR);
    answer.getHeader().setFlag(Flags.RA);
    if (query.getHeader().getFlag(Flags.RD)) {
      answer.getHeader().setFlag(Flags.RD);
    }
    Record question = query.getQuestion();
    answer.addRecord(question, Section.QUESTION);
    if (question.getName().equals(NAME) && question.getType() == Type.A) {
      try {
        answer.addRecord(new ARecord(NAME, DClass.IN, TTL, InetAddress.getByName(ADDRESS)), Section.ANSWER);
      } catch (java.net.UnknownHostException e) {
        throw new AssertionError(e);
      }
    } else if (!question.getName().equals(NAME)) {
      answer.getHeader().setRcode(Rcode.NXDOMAIN);
    }
    return answer.toWire();
  }

  @Override
  public void close() {
    later.shutdownNow();
  }
}
