package dev.protodec.doh.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.ByteArrayOutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.xbill.DNS.Message;

/**
 * HTTP/1.1 pipelining with a body over the limit behind a request still being resolved: the 413 comes
 * after the earlier request's answer, in request order, then the connection is closed.
 */
@Timeout(30)
class PipelinedHttp1ErrorOrderTest {

  @Test
  void tooLargeBodyIsAnsweredAfterTheEarlierPipelinedRequest() throws Exception {
    try (FixedAnswerTestResolver resolver = new FixedAnswerTestResolver(300); // a miss: answered later
        DohServer server =
            new DohServer(
                    DohServerConfig.builder()
                        .listen(new InetSocketAddress("127.0.0.1", 0))
                        .tls(TlsSettings.off())
                        .ioThreads(1)
                        .registry(new PrometheusRegistry())
                        .build(),
                    resolver)
                .start();
        Socket s = RawHttp1.connect(server.port(), 5_000)) {
      ByteArrayOutputStream requests = new ByteArrayOutputStream();
      requests.write(RawHttp1.get(7));
      requests.write(
          ("POST /dns-query HTTP/1.1\r\nHost: localhost\r\ncontent-type: application/dns-message\r\n"
                  + "content-length: " + (DohServerConfig.MAX_BODY_BYTES + 1) + "\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      requests.write(new byte[1024]); // the start of the body
      s.getOutputStream().write(requests.toByteArray());

      RawHttp1.Response first = RawHttp1.read(s.getInputStream());
      assertEquals(200, first.status, "the first pipelined request's answer must come first");
      assertEquals(7, new Message(first.body).getHeader().getID());
      RawHttp1.Response second = RawHttp1.read(s.getInputStream());
      assertEquals(413, second.status);
      assertEquals("close", second.headers.get("connection"));
      assertTrue(RawHttp1.closedWithin(s, 3_000));
    }
  }
}
