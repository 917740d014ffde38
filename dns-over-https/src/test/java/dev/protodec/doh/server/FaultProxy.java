package dev.protodec.doh.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A fault-injecting DNS proxy on loopback, UDP and TCP on one port, in front of a real server: queries
 * pass through with a delay (base plus uniform jitter) and a loss probability the test sets while it
 * runs; {@link #kill()} closes its sockets (UDP queries then get ICMP port unreachable, TCP connects
 * are refused) and {@link #restart()} binds the same port again. UDP replies go back by transaction ID.
 */
final class FaultProxy implements AutoCloseable {

  private final InetSocketAddress target;
  private final int port;
  private final ScheduledExecutorService delays = Executors.newScheduledThreadPool(2, r -> daemon(r, "proxy-delay"));
  private final Map<Integer, SocketAddress> clients = new ConcurrentHashMap<>();
  final AtomicLong forwarded = new AtomicLong();
  final AtomicLong dropped = new AtomicLong();
  private volatile long delayMillis;
  private volatile long jitterMillis;
  private volatile double loss;
  private volatile DatagramSocket front;
  private volatile DatagramSocket back;
  private volatile ServerSocket tcp;

  FaultProxy(InetSocketAddress target) throws IOException {
    this.target = target;
    DatagramSocket probe = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    this.port = probe.getLocalPort();
    probe.close();
    restart();
  }

  private static Thread daemon(Runnable r, String name) {
    Thread t = new Thread(r, name);
    t.setDaemon(true);
    return t;
  }

  InetSocketAddress address() {
    return new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
  }

  void delay(long millis, long jitter) {
    this.delayMillis = millis;
    this.jitterMillis = jitter;
  }

  void loss(double probability) {
    this.loss = probability;
  }

  void clear() {
    delay(0, 0);
    loss(0);
  }

  synchronized void kill() {
    if (front != null) {
      front.close();
      back.close();
      try {
        tcp.close();
      } catch (IOException e) {
        // closing anyway
      }
      front = null;
    }
  }

  synchronized void restart() throws IOException {
    if (front != null) {
      return;
    }
    DatagramSocket f = new DatagramSocket(null);
    f.setReuseAddress(true);
    f.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
    DatagramSocket b = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    ServerSocket t = new ServerSocket();
    t.setReuseAddress(true);
    t.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
    front = f;
    back = b;
    tcp = t;
    daemon(() -> udpQueries(f, b), "proxy-udp-in").start();
    daemon(() -> udpReplies(f, b), "proxy-udp-out").start();
    daemon(() -> tcpAccept(t), "proxy-tcp").start();
  }

  private long wait0() {
    long j = jitterMillis;
    return delayMillis + (j > 0 ? ThreadLocalRandom.current().nextLong(j) : 0);
  }

  private void udpQueries(DatagramSocket f, DatagramSocket b) {
    byte[] buf = new byte[65_535];
    while (!f.isClosed()) {
      try {
        DatagramPacket p = new DatagramPacket(buf, buf.length);
        f.receive(p);
        if (p.getLength() < 2) {
          continue;
        }
        if (ThreadLocalRandom.current().nextDouble() < loss) {
          dropped.incrementAndGet();
          continue;
        }
        byte[] query = java.util.Arrays.copyOf(p.getData(), p.getLength());
        clients.put(((query[0] & 0xff) << 8) | (query[1] & 0xff), p.getSocketAddress());
        Runnable send = () -> {
          try {
            b.send(new DatagramPacket(query, query.length, target));
            forwarded.incrementAndGet();
          } catch (IOException e) {
            // killed meanwhile
          }
        };
        long w = wait0();
        if (w > 0) {
          delays.schedule(send, w, TimeUnit.MILLISECONDS);
        } else {
          send.run();
        }
      } catch (IOException e) {
        return;
      }
    }
  }

  private void udpReplies(DatagramSocket f, DatagramSocket b) {
    byte[] buf = new byte[65_535];
    while (!b.isClosed()) {
      try {
        DatagramPacket p = new DatagramPacket(buf, buf.length);
        b.receive(p);
        if (p.getLength() < 2) {
          continue;
        }
        SocketAddress client = clients.remove(((buf[0] & 0xff) << 8) | (buf[1] & 0xff));
        if (client != null) {
          f.send(new DatagramPacket(buf, p.getLength(), client));
        }
      } catch (IOException e) {
        return;
      }
    }
  }

  private void tcpAccept(ServerSocket t) {
    while (!t.isClosed()) {
      try {
        Socket in = t.accept();
        Socket out = new Socket(target.getAddress(), target.getPort());
        daemon(() -> pipe(in, out, true), "proxy-tcp-up").start();
        daemon(() -> pipe(out, in, false), "proxy-tcp-down").start();
      } catch (IOException e) {
        return;
      }
    }
  }

  private void pipe(Socket from, Socket to, boolean delayed) {
    try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
      byte[] buf = new byte[8_192];
      int n;
      while ((n = in.read(buf)) >= 0) {
        long w = delayed ? wait0() : 0;
        if (w > 0) {
          Thread.sleep(w);
        }
        out.write(buf, 0, n);
        out.flush();
      }
    } catch (IOException | InterruptedException e) {
      // either side closed
    } finally {
      try {
        from.close();
        to.close();
      } catch (IOException e) {
        // closed
      }
    }
  }

  @Override
  public void close() {
    kill();
    delays.shutdownNow();
  }
}
