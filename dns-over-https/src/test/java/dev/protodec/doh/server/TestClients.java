package dev.protodec.doh.server;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Base64;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

/** JDK HTTP clients that trust the self-signed certificate, and DNS queries to send with them. */
final class TestClients {

  static final Duration TIMEOUT = Duration.ofSeconds(10);

  private TestClients() {}

  static HttpClient client(HttpClient.Version version) {
    return HttpClient.newBuilder()
        .version(version)
        .sslContext(trustAll())
        .connectTimeout(TIMEOUT)
        .build();
  }

  static URI uri(DohServer server, String pathAndQuery) {
    return URI.create((server.tls() ? "https" : "http") + "://localhost:" + server.port() + pathAndQuery);
  }

  static byte[] query(String name, int type, int id) {
    try {
      Message q = Message.newQuery(Record.newRecord(Name.fromString(name), type, DClass.IN));
      q.getHeader().setID(id);
      return q.toWire();
    } catch (TextParseException e) {
      throw new IllegalArgumentException(e);
    }
  }

  static byte[] exampleQuery(int id) {
    return query("example.test.", Type.A, id);
  }

  static String base64Url(byte[] bytes) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  static HttpRequest get(DohServer server, byte[] query) {
    return HttpRequest.newBuilder(uri(server, "/dns-query?dns=" + base64Url(query))).timeout(TIMEOUT).GET().build();
  }

  static HttpRequest post(DohServer server, byte[] query) {
    return HttpRequest.newBuilder(uri(server, "/dns-query"))
        .timeout(TIMEOUT)
        .header("content-type", "application/dns-message")
        .POST(HttpRequest.BodyPublishers.ofByteArray(query))
        .build();
  }

  static HttpResponse<byte[]> send(HttpClient client, HttpRequest request) throws Exception {
    return client.send(request, HttpResponse.BodyHandlers.ofByteArray());
  }

  private static SSLContext trustAll() {
    try {
      SSLContext context = SSLContext.getInstance("TLS");
      TrustManager trustAll =
          new X509TrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) {}

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) {}

            @Override
            public X509Certificate[] getAcceptedIssuers() {
              return new X509Certificate[0];
            }
          };
      context.init(null, new TrustManager[] {trustAll}, new SecureRandom());
      return context;
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

}
