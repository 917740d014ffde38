package dev.protodec.jmh.pipeline;

import dev.protodec.jmh.pipeline.PipelineWorkload.CorpusQuestion;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Header;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;

/**
 * The pipeline benchmarks' upstream: a UDP server on a loopback port, in the benchmark's JVM, that
 * answers every corpus question with that corpus response (ID set to the query's), and every name
 * {@code <label>.<corpus name>} as a wildcard would (RFC 4592): the response for the corpus name, with
 * the question and the records owned by that name renamed to the query's name. Anything else gets
 * REFUSED.
 *
 * <p>Why not the resolver's {@code EmbeddedZoneServer} with a zone file written from the corpus: the
 * corpus's names belong to hundreds of zones, a zone would merge records of different responses into
 * one RRset, and it cannot give the corpus's SERVFAILs with their Extended DNS Errors. Replaying the
 * responses keeps the answers the resolver caches exactly those the codec benchmarks decode. One thread,
 * plain UDP (every reply fits the 1,232 bytes the resolver announces; {@link CorpusQuestion} checks).
 */
public final class CorpusUpstream implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger(CorpusUpstream.class.getName());

  private final Map<String, CorpusQuestion> byQuestion = new HashMap<>();
  private final DatagramChannel channel;
  private final Thread thread;
  private final AtomicLong answered = new AtomicLong();
  private final AtomicLong wildcardAnswered = new AtomicLong();
  private final AtomicLong refused = new AtomicLong();

  /** Binds a free loopback port and starts answering. */
  public CorpusUpstream(PipelineWorkload workload) throws IOException {
    for (CorpusQuestion q : workload.questions()) {
      byQuestion.put(PipelineWorkload.key(q.name().toString(), q.type()), q);
    }
    channel = DatagramChannel.open();
    channel.setOption(StandardSocketOptions.SO_RCVBUF, 4 << 20); // a mix batch sends 100 misses at once
    channel.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    thread = new Thread(this::serve, "corpus-upstream");
    thread.setDaemon(true);
    thread.start();
  }

  public InetSocketAddress address() throws IOException {
    return (InetSocketAddress) channel.getLocalAddress();
  }

  /** Queries answered with a corpus response, as is or renamed. */
  public long answered() {
    return answered.get();
  }

  /** Of those, the ones for a name below a corpus name (the misses of the mix). */
  public long wildcardAnswered() {
    return wildcardAnswered.get();
  }

  /** Queries for names the corpus does not know. */
  public long refused() {
    return refused.get();
  }

  private void serve() {
    ByteBuffer in = ByteBuffer.allocate(65_535);
    while (channel.isOpen()) {
      try {
        in.clear();
        SocketAddress client = channel.receive(in);
        in.flip();
        byte[] wire = new byte[in.remaining()];
        in.get(wire);
        byte[] reply = reply(new Message(wire));
        channel.send(ByteBuffer.wrap(reply), client);
      } catch (ClosedChannelException e) {
        return;
      } catch (IOException | RuntimeException e) {
        LOG.log(System.Logger.Level.WARNING, "corpus upstream: a query failed", e);
      }
    }
  }

  /** The reply to {@code query}: the corpus response, the renamed one, or REFUSED. */
  byte[] reply(Message query) {
    Record question = query.getQuestion();
    int id = query.getHeader().getID();
    CorpusQuestion exact = byQuestion.get(PipelineWorkload.key(question.getName().toString(), question.getType()));
    if (exact != null) {
      answered.incrementAndGet();
      byte[] reply = exact.replyWire().clone();
      reply[0] = (byte) (id >>> 8);
      reply[1] = (byte) id;
      return reply;
    }
    if (question.getName().labels() > 2) {
      Name parent = new Name(question.getName(), 1);
      CorpusQuestion below = byQuestion.get(PipelineWorkload.key(parent.toString(), question.getType()));
      if (below != null) {
        answered.incrementAndGet();
        wildcardAnswered.incrementAndGet();
        return renamed(below.reply(), parent, question.getName(), id).toWire();
      }
    }
    refused.incrementAndGet();
    Message reply = new Message(id);
    reply.getHeader().setFlag(Flags.QR);
    reply.getHeader().setRcode(Rcode.REFUSED);
    reply.addRecord(question, Section.QUESTION);
    return reply.toWire();
  }

  /** {@code reply} for the name {@code to}: the question and every record owned by {@code from} renamed. */
  static Message renamed(Message reply, Name from, Name to, int id) {
    Message m = new Message();
    Header h = reply.getHeader().clone();
    h.setID(id);
    for (int section = Section.QUESTION; section <= Section.ADDITIONAL; section++) {
      for (Record r : reply.getSection(section)) {
        m.addRecord(r.getName().equals(from) ? r.withName(to) : r, section);
      }
    }
    m.setHeader(h); // the same number of records as the original, so its counts hold
    return m;
  }

  @Override
  public void close() {
    try {
      channel.close();
    } catch (IOException e) {
      LOG.log(System.Logger.Level.DEBUG, "corpus upstream: close failed", e);
    }
    thread.interrupt();
  }
}
