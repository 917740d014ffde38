package dev.protodec.doh.testing;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small UDP upstream for behaviours the zone server does not have: answering SERVFAIL, staying
 * silent, or forwarding to a real server after a delay. Real sockets over loopback.
 */
public final class TestUpstream implements AutoCloseable {
  /** What the upstream does with each query. */
  public enum Mode { SERVFAIL, SILENT, FORWARD }

  private final DatagramSocket socket;
  private final InetSocketAddress forwardTo;
  private final AtomicInteger queries = new AtomicInteger();
  private final Thread thread;
  private volatile Mode mode;
  private volatile long delayMillis;

  public TestUpstream(Mode mode, InetSocketAddress forwardTo) throws SocketException {
    this.mode = mode;
    this.forwardTo = forwardTo;
    this.socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    this.thread = new Thread(this::serve, "test-upstream");
    thread.setDaemon(true);
    thread.start();
  }

  public InetSocketAddress address() {
    return (InetSocketAddress) socket.getLocalSocketAddress();
  }

  public int queries() {
    return queries.get();
  }

  public void mode(Mode mode) {
    this.mode = mode;
  }

  public void delayMillis(long delay) {
    this.delayMillis = delay;
  }

  private void serve() {
    byte[] buf = new byte[65_535];
    while (!socket.isClosed()) {
      try {
        DatagramPacket packet = new DatagramPacket(buf, buf.length);
        socket.receive(packet);
        queries.incrementAndGet();
        byte[] query = Arrays.copyOf(packet.getData(), packet.getLength());
        byte[] reply = reply(query);
        if (reply != null) {
          socket.send(new DatagramPacket(reply, reply.length, packet.getSocketAddress()));
        }
      } catch (IOException e) {
        return;
      }
    }
  }

  private byte[] reply(byte[] query) throws IOException {
    if (delayMillis > 0) {
      try {
        Thread.sleep(delayMillis);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return null;
      }
    }
    switch (mode) {
      case SERVFAIL: {
        byte[] reply = query.clone();
        reply[2] = (byte) (0x80 | (reply[2] & 0x79)); // QR, keep opcode and RD
        reply[3] = (byte) 0x82; // RA, SERVFAIL
        return reply;
      }
      case FORWARD:
        try (DatagramSocket out = new DatagramSocket()) {
          out.setSoTimeout(2000);
          out.send(new DatagramPacket(query, query.length, forwardTo));
          DatagramPacket in = new DatagramPacket(new byte[65_535], 65_535);
          out.receive(in);
          return Arrays.copyOf(in.getData(), in.getLength());
        }
      default:
        return null;
    }
  }

  @Override
  public void close() {
    socket.close();
  }
}
