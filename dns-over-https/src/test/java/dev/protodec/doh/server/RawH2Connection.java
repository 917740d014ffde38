package dev.protodec.doh.server;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http2.DefaultHttp2Headers;
import io.netty.handler.codec.http2.DefaultHttp2HeadersDecoder;
import io.netty.handler.codec.http2.DefaultHttp2HeadersEncoder;
import io.netty.handler.codec.http2.Http2CodecUtil;
import io.netty.handler.codec.http2.Http2Exception;
import io.netty.handler.codec.http2.Http2Headers;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;

/**
 * HTTP/2 by prior knowledge over a plain socket, frame by frame, with no client-side rules: it sends
 * what a test tells it (more streams than allowed, HEADERS without END_HEADERS, empty CONTINUATIONs)
 * and reads back the server's frames as they come.
 */
final class RawH2Connection implements AutoCloseable {

  static final int DATA = 0x0;
  static final int HEADERS = 0x1;
  static final int RST_STREAM = 0x3;
  static final int SETTINGS = 0x4;
  static final int PING = 0x6;
  static final int GOAWAY = 0x7;
  static final int WINDOW_UPDATE = 0x8;
  static final int CONTINUATION = 0x9;

  static final int END_STREAM = 0x1;
  static final int ACK = 0x1;
  static final int END_HEADERS = 0x4;

  static final int SETTINGS_MAX_CONCURRENT_STREAMS = 0x3;
  static final long REFUSED_STREAM = 0x7;
  static final long ENHANCE_YOUR_CALM = 0xb;

  /** A frame as read: type, flags, stream and payload. */
  static final class Frame {
    final int type;
    final int flags;
    final int stream;
    final byte[] payload;

    Frame(int type, int flags, int stream, byte[] payload) {
      this.type = type;
      this.flags = flags;
      this.stream = stream;
      this.payload = payload;
    }

    boolean has(int flag) {
      return (flags & flag) != 0;
    }

    /** The error code of a RST_STREAM (at 0) or GOAWAY (at 4). */
    long errorCode() {
      int at = type == GOAWAY ? 4 : 0;
      return ((payload[at] & 0xffL) << 24) | ((payload[at + 1] & 0xff) << 16)
          | ((payload[at + 2] & 0xff) << 8) | (payload[at + 3] & 0xff);
    }

    /** The value of a SETTINGS parameter, or -1 when absent. */
    long setting(int id) {
      for (int i = 0; i + 6 <= payload.length; i += 6) {
        int key = ((payload[i] & 0xff) << 8) | (payload[i + 1] & 0xff);
        if (key == id) {
          return ((payload[i + 2] & 0xffL) << 24) | ((payload[i + 3] & 0xff) << 16)
              | ((payload[i + 4] & 0xff) << 8) | (payload[i + 5] & 0xff);
        }
      }
      return -1;
    }

    @Override
    public String toString() {
      return "Frame{type=" + type + ", flags=" + flags + ", stream=" + stream + ", " + payload.length + " bytes}";
    }
  }

  private final Socket socket;
  private final DataInputStream in;
  private final OutputStream out;
  private final DefaultHttp2HeadersEncoder encoder = new DefaultHttp2HeadersEncoder();
  private final DefaultHttp2HeadersDecoder decoder = new DefaultHttp2HeadersDecoder(false);
  private final String authority;

  /** Connects, sends the preface and an empty SETTINGS. */
  RawH2Connection(int port) throws IOException {
    socket = new Socket("127.0.0.1", port);
    socket.setTcpNoDelay(true);
    in = new DataInputStream(socket.getInputStream());
    out = socket.getOutputStream();
    authority = "127.0.0.1:" + port;
    out.write(ByteBufUtil.getBytes(Http2CodecUtil.connectionPrefaceBuf()));
    frame(SETTINGS, 0, 0, new byte[0]);
    out.flush();
  }

  /** The HPACK block of a GET of {@code pathAndQuery}. */
  byte[] getHeaderBlock(int stream, String pathAndQuery) throws Http2Exception {
    Http2Headers headers =
        new DefaultHttp2Headers().method("GET").scheme("http").authority(authority).path(pathAndQuery);
    ByteBuf block = Unpooled.buffer();
    encoder.encodeHeaders(stream, headers, block);
    return ByteBufUtil.getBytes(block);
  }

  /** A whole GET in one HEADERS frame (END_HEADERS, END_STREAM); not flushed. */
  void get(int stream, String pathAndQuery) throws IOException {
    try {
      frame(HEADERS, END_HEADERS | END_STREAM, stream, getHeaderBlock(stream, pathAndQuery));
    } catch (Http2Exception e) {
      throw new IOException(e);
    }
  }

  void frame(int type, int flags, int stream, byte[] payload) throws IOException {
    byte[] header = {
      (byte) (payload.length >>> 16), (byte) (payload.length >>> 8), (byte) payload.length,
      (byte) type, (byte) flags,
      (byte) (stream >>> 24), (byte) (stream >>> 16), (byte) (stream >>> 8), (byte) stream
    };
    out.write(header);
    out.write(payload);
  }

  void settingsAck() throws IOException {
    frame(SETTINGS, ACK, 0, new byte[0]);
  }

  void flush() throws IOException {
    out.flush();
  }

  /** The next frame, or {@code null} when the server closed the connection; fails past {@code timeoutMillis}. */
  Frame read(int timeoutMillis) throws IOException {
    socket.setSoTimeout(timeoutMillis);
    byte[] header = new byte[9];
    try {
      in.readFully(header);
    } catch (EOFException e) {
      return null;
    } catch (java.net.SocketException e) {
      return null; // connection reset: closed as well
    }
    int length = ((header[0] & 0xff) << 16) | ((header[1] & 0xff) << 8) | (header[2] & 0xff);
    int stream = ((header[5] & 0x7f) << 24) | ((header[6] & 0xff) << 16) | ((header[7] & 0xff) << 8) | (header[8] & 0xff);
    byte[] payload = new byte[length];
    in.readFully(payload);
    return new Frame(header[3] & 0xff, header[4] & 0xff, stream, payload);
  }

  /** Frames until one of {@code type} (returned) or the end of the connection ({@code null}). */
  Frame readUntil(int type, int timeoutMillis) throws IOException {
    long deadline = System.nanoTime() + timeoutMillis * 1_000_000L;
    while (true) {
      int left = (int) Math.max(1, (deadline - System.nanoTime()) / 1_000_000L);
      Frame f = read(left);
      if (f == null || f.type == type) {
        return f;
      }
      if (System.nanoTime() > deadline) {
        throw new SocketTimeoutException("no frame of type " + type + " in " + timeoutMillis + " ms");
      }
    }
  }

  /** The :status of a HEADERS frame's block (END_HEADERS set). */
  int status(Frame headers) throws Http2Exception {
    return Integer.parseInt(decoder.decodeHeaders(headers.stream, Unpooled.wrappedBuffer(headers.payload)).status().toString());
  }

  /** Reads and drops bytes until the server closes; true if it did within {@code timeoutMillis}. */
  boolean closedWithin(int timeoutMillis) throws IOException {
    long deadline = System.nanoTime() + timeoutMillis * 1_000_000L;
    try {
      while (System.nanoTime() < deadline) {
        socket.setSoTimeout((int) Math.max(1, (deadline - System.nanoTime()) / 1_000_000L));
        if (in.read(new byte[4096]) < 0) {
          return true;
        }
      }
    } catch (SocketTimeoutException e) {
      return false;
    } catch (java.net.SocketException e) {
      return true;
    }
    return false;
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
