package dev.protodec.doh.server;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** HTTP/1.1 written and read by hand on a socket, for clients that misbehave on purpose. */
final class RawHttp1 {

  private RawHttp1() {}

  /** A response: status, headers (lower-cased names) and body. */
  static final class Response {
    final int status;
    final Map<String, String> headers;
    final byte[] body;

    Response(int status, Map<String, String> headers, byte[] body) {
      this.status = status;
      this.headers = headers;
      this.body = body;
    }
  }

  /** A keep-alive RFC 8484 GET of {@code example.test.} A with this ID. */
  static byte[] get(int id) {
    return ("GET /dns-query?dns=" + TestClients.base64Url(TestClients.exampleQuery(id)) + " HTTP/1.1\r\n"
            + "Host: localhost\r\nAccept: application/dns-message\r\n\r\n")
        .getBytes(StandardCharsets.US_ASCII);
  }

  static Socket connect(int port, int timeoutMillis) throws IOException {
    Socket s = new Socket("127.0.0.1", port);
    s.setSoTimeout(timeoutMillis);
    s.setTcpNoDelay(true);
    return s;
  }

  /** Reads one response (its body by content-length); fails with an IOException if the server closed first. */
  static Response read(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int matched = 0;
    while (matched < 4) {
      int b = in.read();
      if (b < 0) {
        throw new IOException("closed before a response (" + head.size() + " bytes read)");
      }
      head.write(b);
      matched = (b == (matched % 2 == 0 ? '\r' : '\n')) ? matched + 1 : (b == '\r' ? 1 : 0);
    }
    String[] lines = head.toString(StandardCharsets.US_ASCII).split("\r\n");
    int status = Integer.parseInt(lines[0].split(" ")[1]);
    Map<String, String> headers = new TreeMap<>();
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      if (colon > 0) {
        headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
      }
    }
    byte[] body = in.readNBytes(Integer.parseInt(headers.getOrDefault("content-length", "0")));
    return new Response(status, headers, body);
  }

  /** Reads and drops whatever comes until the server closes; true if it did within {@code timeoutMillis}. */
  static boolean closedWithin(Socket socket, long timeoutMillis) throws IOException {
    long deadline = System.nanoTime() + timeoutMillis * 1_000_000L;
    InputStream in = socket.getInputStream();
    byte[] sink = new byte[4096];
    try {
      while (true) {
        long left = (deadline - System.nanoTime()) / 1_000_000L;
        if (left <= 0) {
          return false;
        }
        socket.setSoTimeout((int) left);
        if (in.read(sink) < 0) {
          return true;
        }
      }
    } catch (SocketTimeoutException e) {
      return false;
    } catch (SocketException | javax.net.ssl.SSLException e) {
      return true; // reset, or the TLS layer saw the close
    }
  }
}
