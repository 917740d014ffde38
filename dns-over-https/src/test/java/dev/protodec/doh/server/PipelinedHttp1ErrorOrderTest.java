package dev.protodec.doh.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.ByteArrayOutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.xbill.DNS.Message;

/**
 * HTTP/1.1 pipelining with a body over the limit between requests still being resolved: the 413 comes
 * after the earlier request's answer, in request order, the oversized body is skipped and the next
 * request on the keep-alive connection is answered after it.
 */
@Timeout(30)
class PipelinedHttp1ErrorOrderTest {

  @Test
  void tooLargeBodyIsAnsweredInRequestOrderAndTheConnectionGoesOn() throws Exception {
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
      requests.write(new byte[DohServerConfig.MAX_BODY_BYTES + 1]);
      requests.write(RawHttp1.get(8));
      s.getOutputStream().write(requests.toByteArray());

      RawHttp1.Response first = RawHttp1.read(s.getInputStream());
      assertEquals(200, first.status, "the first pipelined request's answer must come first");
      assertEquals(7, new Message(first.body).getHeader().getID());
      RawHttp1.Response second = RawHttp1.read(s.getInputStream());
      assertEquals(413, second.status);
      RawHttp1.Response third = RawHttp1.read(s.getInputStream());
      assertEquals(200, third.status, "the request after the skipped body");
      assertEquals(8, new Message(third.body).getHeader().getID());
    }
  }
}
