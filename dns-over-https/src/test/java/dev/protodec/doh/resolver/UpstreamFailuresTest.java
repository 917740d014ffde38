package dev.protodec.doh.resolver;

import static dev.protodec.doh.testing.Queries.askAndParse;
import static dev.protodec.doh.testing.Queries.ednsQuery;
import static dev.protodec.doh.testing.Queries.query;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.protodec.doh.testing.TestUpstream;
import dev.protodec.doh.zone.EmbeddedZoneServer;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.EDNSOption;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.OPTRecord;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/** What a client gets when upstreams fail, stay silent, lie or truncate: real sockets on loopback. */
@Timeout(60)
class UpstreamFailuresTest {
  private final List<AutoCloseable> closing = new ArrayList<>();

  @AfterEach
  void close() throws Exception {
    for (AutoCloseable c : closing) {
      c.close();
    }
  }

  private <T extends AutoCloseable> T closing(T c) {
    closing.add(0, c);
    return c;
  }

  private DefaultResolver resolver(List<InetSocketAddress> upstreams) {
    return closing(new DefaultResolver(ResolverConfig.builder().upstreams(upstreams)
        .upstreamTimeout(Duration.ofMillis(400)).maxStale(Duration.ZERO)
        .healthProbeInterval(Duration.ZERO).build()));
  }

  private static InetSocketAddress deadPort() throws IOException {
    try (DatagramSocket udp = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
      return (InetSocketAddress) udp.getLocalSocketAddress(); // closed again: nothing listens there
    }
  }

  private static int ede(Message answer) {
    OPTRecord opt = answer.getOPT();
    if (opt == null) {
      return -1;
    }
    for (EDNSOption option : opt.getOptions()) {
      if (option.getCode() == 15) {
        byte[] wire = option.toWire();
        return (wire[4] & 0xff) << 8 | (wire[5] & 0xff);
      }
    }
    return -1;
  }

  @Test
  void noReachableUpstreamIsServfailWithTheClientsIdAndExtendedError() throws Exception {
    DefaultResolver r = resolver(List.of(deadPort(), deadPort()));

    Message answer = askAndParse(r, ednsQuery("www.example.test.", Type.A, 0x5151, false, false));

    assertEquals(Rcode.SERVFAIL, answer.getRcode());
    assertEquals(0x5151, answer.getHeader().getID());
    assertEquals("www.example.test.", answer.getQuestion().getName().toString());
    assertEquals(22, ede(answer), "RFC 8914 No Reachable Authority");
  }

  @Test
  void aSilentUpstreamIsServfailSoonAfterTheDeadline() throws Exception {
    TestUpstream silent = closing(new TestUpstream(TestUpstream.Mode.SILENT, null));
    DefaultResolver r = resolver(List.of(silent.address()));

    long start = System.nanoTime();
    Message answer = askAndParse(r, query("www.example.test.", Type.A, 1));
    long millis = (System.nanoTime() - start) / 1_000_000;

    assertEquals(Rcode.SERVFAIL, answer.getRcode());
    assertTrue(millis < 5_000, "answered after " + millis + " ms");
    assertTrue(silent.queries() >= 1);
  }

  @Test
  void repliesWithAnotherIdOrQuestionAreNeverPassedOn() throws Exception {
    Spoofer wrongId = closing(new Spoofer(Spoofer.Lie.ID));
    Spoofer wrongQuestion = closing(new Spoofer(Spoofer.Lie.QUESTION));
    DefaultResolver r = resolver(List.of(wrongId.address(), wrongQuestion.address()));

    Message answer = askAndParse(r, query("www.example.test.", Type.A, 7));

    assertEquals(Rcode.SERVFAIL, answer.getRcode());
    assertTrue(answer.getSection(Section.ANSWER).isEmpty(), "no spoofed record reaches the client");
    assertTrue(wrongId.queries.get() + wrongQuestion.queries.get() >= 1);
  }

  @Test
  void anHonestUpstreamAnswersWhenTheFirstLies() throws Exception {
    Spoofer liar = closing(new Spoofer(Spoofer.Lie.QUESTION));
    EmbeddedZoneServer zone = closing(EmbeddedZoneServer.bundled().start());
    DefaultResolver r = resolver(List.of(liar.address(), zone.address()));

    for (int id = 1; id <= 5; id++) {
      Message answer = askAndParse(r, query("host" + id + ".example.test.", Type.A, id));
      assertEquals(Rcode.NXDOMAIN, answer.getRcode(), "the zone's own answer (the liar says NOERROR)");
      assertEquals(id, answer.getHeader().getID());
    }
    assertTrue(liar.queries.get() >= 1, "the liar was asked (and its answer refused)");
  }

  @Test
  void aTruncatedUdpAnswerIsFetchedOverTcpAndThenServedFromTheCache() throws Exception {
    EmbeddedZoneServer zone = closing(EmbeddedZoneServer.bundled().start());
    DefaultResolver r = resolver(List.of(zone.address()));

    Message first = askAndParse(r, query("big.example.test.", Type.TXT, 1));
    Message second = askAndParse(r, query("big.example.test.", Type.TXT, 2));

    assertEquals(Rcode.NOERROR, first.getRcode());
    assertTrue(first.getSection(Section.ANSWER).size() > 10, "the whole RRset");
    assertEquals(first.getSection(Section.ANSWER).size(), second.getSection(Section.ANSWER).size());
    assertTrue(zone.tcpQueries() >= 1, "fetched over TCP after TC=1");
    assertEquals(zone.queries(), zone.udpQueries() + zone.tcpQueries());
    long before = zone.queries();
    askAndParse(r, query("big.example.test.", Type.TXT, 3));
    assertEquals(before, zone.queries(), "the third ask is a cache hit");
  }

  /** A UDP upstream that answers every query with an A record, but with a wrong ID or question. */
  private static final class Spoofer implements AutoCloseable {
    enum Lie { ID, QUESTION }

    final AtomicInteger queries = new AtomicInteger();
    private final DatagramSocket socket;
    private final Lie lie;

    Spoofer(Lie lie) throws IOException {
      this.lie = lie;
      this.socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
      Thread thread = new Thread(this::serve, "spoofer");
      thread.setDaemon(true);
      thread.start();
    }

    InetSocketAddress address() {
      return (InetSocketAddress) socket.getLocalSocketAddress();
    }

    private void serve() {
      byte[] buf = new byte[4096];
      while (!socket.isClosed()) {
        try {
          DatagramPacket packet = new DatagramPacket(buf, buf.length);
          socket.receive(packet);
          queries.incrementAndGet();
          Message query = new Message(Arrays.copyOf(packet.getData(), packet.getLength()));
          Name name = lie == Lie.QUESTION ? Name.fromString("evil.example.") : query.getQuestion().getName();
          Message reply = new Message(lie == Lie.ID ? (query.getHeader().getID() + 1) & 0xffff
              : query.getHeader().getID());
          reply.getHeader().setFlag(Flags.QR);
          reply.addRecord(Record.newRecord(name, Type.A, DClass.IN), Section.QUESTION);
          reply.addRecord(new ARecord(name, DClass.IN, 300, InetAddress.getByName("203.0.113.66")),
              Section.ANSWER);
          byte[] wire = reply.toWire();
          socket.send(new DatagramPacket(wire, wire.length, packet.getSocketAddress()));
        } catch (IOException e) {
          return;
        }
      }
    }

    @Override
    public void close() {
      socket.close();
    }
  }
}
