package dev.protodec.doh.zone;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import org.xbill.DNS.Master;
import org.xbill.DNS.Message;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.Zone;

/**
 * The embedded default upstream: a small authoritative DNS server (dnsjava's {@link Zone}) on UDP and TCP
 * of one loopback port, serving a zone file or the bundled {@value #BUNDLED_ZONE}. UDP answers larger
 * than the client can take are truncated (TC=1) so the client retries over TCP. Port 0 picks a free port
 * ({@link #address()} tells which). {@link #reload()} re-reads the zone without dropping sockets.
 *
 * <p>Life cycle: {@link #start()} binds and starts one UDP thread, one TCP accept thread and a thread per
 * TCP connection; {@link #close()} closes the sockets and stops them.
 */
public final class EmbeddedZoneServer implements AutoCloseable {
  /** The class path resource of the bundled zone ({@code example.test.}). */
  public static final String BUNDLED_ZONE = "dev/protodec/doh/zone/default.zone";

  private static final System.Logger LOG = System.getLogger(EmbeddedZoneServer.class.getName());

  private final InetSocketAddress requested;
  private final Path zoneFile;
  private final AtomicLong udpQueries = new AtomicLong();
  private final AtomicLong tcpQueries = new AtomicLong();
  private volatile Zone zone;
  private DatagramChannel udp;
  private ServerSocketChannel tcp;
  private ExecutorService threads;

  /** A server for the bundled zone on loopback, on a free port. */
  public static EmbeddedZoneServer bundled() {
    return new EmbeddedZoneServer(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), null);
  }

  /**
   * @param address where to listen (port 0: a free port)
   * @param zoneFile a master file (RFC 1035 section 5) whose first record is the zone's SOA, or null for
   *     the bundled zone
   */
  public EmbeddedZoneServer(InetSocketAddress address, Path zoneFile) {
    this.requested = address;
    this.zoneFile = zoneFile;
    this.zone = load(zoneFile);
  }

  /** Binds the UDP and TCP sockets (the same port) and starts serving. */
  public synchronized EmbeddedZoneServer start() throws IOException {
    if (udp != null) {
      throw new IllegalStateException("already started");
    }
    tcp = ServerSocketChannel.open();
    tcp.bind(requested);
    InetSocketAddress bound = (InetSocketAddress) tcp.getLocalAddress();
    udp = DatagramChannel.open();
    udp.bind(bound);
    threads = Executors.newCachedThreadPool(r -> {
      Thread t = new Thread(r, "zone-server-" + bound.getPort());
      t.setDaemon(true);
      return t;
    });
    threads.execute(this::serveUdp);
    threads.execute(this::acceptTcp);
    return this;
  }

  /** Where the server listens (after {@link #start()}). */
  public InetSocketAddress address() {
    try {
      return (InetSocketAddress) tcp.getLocalAddress();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Re-reads the zone file (or the bundled zone); queries see the old or the new zone, whole. */
  public void reload() {
    zone = load(zoneFile);
  }

  /** The zone served now. */
  public Zone zone() {
    return zone;
  }

  /** Queries answered over UDP since start. */
  public long udpQueries() {
    return udpQueries.get();
  }

  /** Queries answered over TCP since start. */
  public long tcpQueries() {
    return tcpQueries.get();
  }

  /** Queries answered over both transports since start. */
  public long queries() {
    return udpQueries.get() + tcpQueries.get();
  }

  @Override
  public synchronized void close() {
    closeQuietly(udp);
    closeQuietly(tcp);
    if (threads != null) {
      threads.shutdownNow();
    }
  }

  private void serveUdp() {
    ByteBuffer in = ByteBuffer.allocate(65_535);
    while (udp.isOpen()) {
      try {
        in.clear();
        SocketAddress client = udp.receive(in);
        in.flip();
        byte[] wire = new byte[in.remaining()];
        in.get(wire);
        Message query = parse(wire);
        if (query == null) {
          continue;
        }
        Message reply = ZoneAnswerer.answer(zone, query);
        udpQueries.incrementAndGet();
        udp.send(ByteBuffer.wrap(reply.toWire(ZoneAnswerer.udpLimit(query))), client);
      } catch (ClosedChannelException e) {
        return;
      } catch (IOException | RuntimeException e) {
        LOG.log(System.Logger.Level.DEBUG, "zone server: UDP query failed", e);
      }
    }
  }

  private void acceptTcp() {
    while (tcp.isOpen()) {
      try {
        SocketChannel connection = tcp.accept();
        threads.execute(() -> serveTcp(connection));
      } catch (ClosedChannelException e) {
        return;
      } catch (IOException | RuntimeException e) {
        LOG.log(System.Logger.Level.DEBUG, "zone server: TCP accept failed", e);
        return;
      }
    }
  }

  private void serveTcp(SocketChannel connection) {
    try (connection) {
      ByteBuffer length = ByteBuffer.allocate(2);
      while (readFully(connection, length.clear())) {
        ByteBuffer body = ByteBuffer.allocate(length.flip().getShort() & 0xffff);
        if (!readFully(connection, body)) {
          return;
        }
        Message query = parse(body.array());
        if (query == null) {
          return;
        }
        byte[] reply = ZoneAnswerer.answer(zone, query).toWire();
        tcpQueries.incrementAndGet();
        ByteBuffer out = ByteBuffer.allocate(2 + reply.length).putShort((short) reply.length).put(reply).flip();
        while (out.hasRemaining()) {
          connection.write(out);
        }
      }
    } catch (IOException e) {
      LOG.log(System.Logger.Level.DEBUG, "zone server: TCP connection failed", e);
    }
  }

  private static boolean readFully(SocketChannel channel, ByteBuffer buffer) throws IOException {
    while (buffer.hasRemaining()) {
      if (channel.read(buffer) < 0) {
        return false;
      }
    }
    return true;
  }

  private static Message parse(byte[] wire) {
    try {
      Message m = new Message(wire);
      return ZoneAnswerer.isQuery(m) ? m : null;
    } catch (IOException e) {
      return null;
    }
  }

  private static Zone load(Path zoneFile) {
    try (InputStream in = zoneFile == null ? bundledStream() : Files.newInputStream(zoneFile)) {
      List<Record> records = new ArrayList<>();
      try (Master master = new Master(in)) {
        for (Record r = master.nextRecord(); r != null; r = master.nextRecord()) {
          records.add(r);
        }
      }
      if (records.isEmpty() || !(records.get(0) instanceof SOARecord)) {
        throw new IllegalArgumentException("a zone file must start with the zone's SOA record: "
            + (zoneFile == null ? BUNDLED_ZONE : zoneFile));
      }
      return new Zone(records.get(0).getName(), records.toArray(new Record[0]));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read zone " + (zoneFile == null ? BUNDLED_ZONE : zoneFile), e);
    }
  }

  private static InputStream bundledStream() throws IOException {
    InputStream in = EmbeddedZoneServer.class.getClassLoader().getResourceAsStream(BUNDLED_ZONE);
    if (in == null) {
      throw new IOException("resource " + BUNDLED_ZONE + " is missing from the class path");
    }
    return in;
  }

  private static void closeQuietly(java.nio.channels.Channel channel) {
    if (channel != null) {
      try {
        channel.close();
      } catch (IOException e) {
        LOG.log(System.Logger.Level.DEBUG, "zone server: close failed", e);
      }
    }
  }
}
