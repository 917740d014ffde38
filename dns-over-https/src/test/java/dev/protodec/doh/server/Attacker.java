package dev.protodec.doh.server;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An attacking HTTP/2 connection (a {@link RawH2Connection}) with a reader of its own that notes when
 * the server says GOAWAY (and with what code and debug text), resets streams, answers, and closes. Its
 * HPACK is written by hand, with literals that are never indexed and static-table references only
 * (the header bomb excepted), so that it can say anything without keeping an encoder's state.
 */
final class Attacker implements AutoCloseable {

  final RawH2Connection h2;
  final String authority;
  final long startNanos = System.nanoTime();
  volatile long goAwayNanos;
  volatile long goAwayCode = -1;
  volatile String goAwayDebug = "";
  volatile long closedNanos;
  volatile long firstRstNanos;
  final AtomicInteger rsts = new AtomicInteger();
  final AtomicInteger headers = new AtomicInteger();
  private Thread reader;

  Attacker(int port) throws IOException {
    h2 = new RawH2Connection(port);
    authority = "127.0.0.1:" + port;
  }

  /** Reads the server's frames in the background from now on. */
  Attacker reading() {
    reader = new Thread(this::readLoop, "attacker-reader");
    reader.setDaemon(true);
    reader.start();
    return this;
  }

  private void readLoop() {
    try {
      while (true) {
        RawH2Connection.Frame f;
        try {
          f = h2.read(1_000);
        } catch (SocketTimeoutException e) {
          continue;
        }
        if (f == null) {
          break;
        }
        if (f.type == RawH2Connection.GOAWAY && goAwayNanos == 0) {
          goAwayCode = f.errorCode();
          goAwayDebug = new String(f.payload, 8, f.payload.length - 8, StandardCharsets.UTF_8);
          goAwayNanos = System.nanoTime();
        } else if (f.type == RawH2Connection.RST_STREAM) {
          if (rsts.getAndIncrement() == 0) {
            firstRstNanos = System.nanoTime();
          }
        } else if (f.type == RawH2Connection.HEADERS) {
          headers.incrementAndGet();
        }
      }
    } catch (IOException e) {
      // reset or closed under us: closed
    }
    if (closedNanos == 0) {
      closedNanos = System.nanoTime();
    }
  }

  boolean closed() {
    return closedNanos != 0;
  }

  /** The server hung up (a write failed). */
  void writeFailed() {
    if (closedNanos == 0) {
      closedNanos = System.nanoTime();
    }
  }

  /** Waits (bounded) for the reader to see the end; starts one if none runs (non-reading floods). */
  boolean awaitClosed(long millis) throws InterruptedException {
    if (reader == null) {
      reading();
    }
    reader.join(millis);
    return closed();
  }

  /** Milliseconds from the start of the attack to the server's first GOAWAY or close; -1 if neither. */
  long shutMillis() {
    long g = goAwayNanos;
    long c = closedNanos;
    long first = g == 0 ? c : c == 0 ? g : Math.min(g, c);
    return first == 0 ? -1 : (first - startNanos) / 1_000_000L;
  }

  String how() {
    StringBuilder b = new StringBuilder();
    if (goAwayCode >= 0) {
      b.append("GOAWAY ").append(errorName(goAwayCode));
      if (!goAwayDebug.isEmpty()) {
        b.append(" (").append(goAwayDebug.length() > 60 ? goAwayDebug.substring(0, 60) + "..." : goAwayDebug).append(')');
      }
    }
    if (closed()) {
      b.append(b.length() == 0 ? "" : " + ").append("close");
    }
    return b.length() == 0 ? "still open" : b.toString();
  }

  static String errorName(long code) {
    switch ((int) code) {
      case 0: return "NO_ERROR";
      case 1: return "PROTOCOL_ERROR";
      case 3: return "FLOW_CONTROL_ERROR";
      case 6: return "FRAME_SIZE_ERROR";
      case 7: return "REFUSED_STREAM";
      case 8: return "CANCEL";
      case 11: return "ENHANCE_YOUR_CALM";
      default: return "error " + code;
    }
  }

  // ---- HPACK by hand (RFC 7541) ----

  static void integer(ByteArrayOutputStream out, int firstByteBits, int prefixBits, int value) {
    int max = (1 << prefixBits) - 1;
    if (value < max) {
      out.write(firstByteBits | value);
      return;
    }
    out.write(firstByteBits | max);
    value -= max;
    while (value >= 128) {
      out.write((value & 0x7f) | 0x80);
      value >>>= 7;
    }
    out.write(value);
  }

  static void string(ByteArrayOutputStream out, String s) {
    byte[] b = s.getBytes(StandardCharsets.US_ASCII);
    integer(out, 0, 7, b.length);
    out.writeBytes(b);
  }

  /** Literal header field without indexing, name from the static table. */
  static void literal(ByteArrayOutputStream out, int nameIndex, String value) {
    integer(out, 0x00, 4, nameIndex);
    string(out, value);
  }

  /** :method (GET 2, POST 3), :scheme http, :path and :authority: the start of every request. */
  byte[] requestStart(boolean post, String path) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(post ? 0x83 : 0x82);
    out.write(0x86);
    literal(out, 4, path);
    literal(out, 1, authority);
    if (post) {
      literal(out, 31, "application/dns-message");
    }
    return out.toByteArray();
  }

  static byte[] int32(long v) {
    return new byte[] {(byte) (v >>> 24), (byte) (v >>> 16), (byte) (v >>> 8), (byte) v};
  }

  static byte[] setting(int id, long value) {
    return new byte[] {(byte) (id >>> 8), (byte) id, (byte) (value >>> 24), (byte) (value >>> 16), (byte) (value >>> 8), (byte) value};
  }

  @Override
  public void close() throws IOException {
    h2.close();
  }
}
