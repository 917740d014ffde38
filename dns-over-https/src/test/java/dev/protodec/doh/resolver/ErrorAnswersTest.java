package dev.protodec.doh.resolver;

import static dev.protodec.doh.testing.Queries.ask;
import static dev.protodec.doh.testing.Queries.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.protodec.doh.testing.Queries;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Message;
import org.xbill.DNS.Opcode;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Type;

class ErrorAnswersTest {
  private final DefaultResolver resolver = new DefaultResolver(ResolverConfig.builder()
      .healthProbeInterval(Duration.ZERO).build());

  @AfterEach
  void close() {
    resolver.close();
  }

  @Test
  void twoQuestionsGetFormerrWithTheClientsId() {
    byte[] wire = Queries.query("www.example.test.", Type.A, 0x4242);
    wire[5] = 2;
    ResolverSupport.Answer a = ask(resolver, wire);
    Message m = parse(a.wire());
    assertEquals(Rcode.FORMERR, m.getRcode());
    assertEquals(0x4242, m.getHeader().getID());
    assertEquals(0, a.maxAgeSeconds());
  }

  @Test
  void anotherOpcodeGetsNotimp() {
    Message q = Queries.message("www.example.test.", Type.A, 77, false, false, false);
    q.getHeader().setOpcode(Opcode.NOTIFY);
    Message m = parse(ask(resolver, q.toWire()).wire());
    assertEquals(Rcode.NOTIMP, m.getRcode());
    assertEquals(77, m.getHeader().getID());
  }

  @Test
  void bytesThatAreNotAQueryGoToOnMalformed() {
    ExecutionException e = assertThrows(ExecutionException.class,
        () -> ResolverSupport.resolve(resolver, new byte[] {1, 2, 3}).toCompletableFuture().get());
    assertEquals(MalformedQueryException.Reason.TOO_SHORT, ((MalformedQueryException) e.getCause()).reason());
  }

  @Test
  void answersArePaddedTo468WhenTheQueryAsks() {
    byte[] padded = ask(resolver, Queries.ednsQuery("www.example.test.", Type.A, 1, false, true)).wire();
    assertEquals(0, padded.length % 468);
    byte[] plain = ask(resolver, Queries.ednsQuery("www.example.test.", Type.A, 2, false, false)).wire();
    assertTrue(plain.length % 468 != 0);
  }

  @Test
  void padAlwaysPadsEdnsAnswersButNotOthers() {
    try (DefaultResolver padding = new DefaultResolver(ResolverConfig.builder().padAlways(true)
        .healthProbeInterval(Duration.ZERO).build())) {
      assertEquals(0, ask(padding, Queries.ednsQuery("www.example.test.", Type.A, 1, false, false)).wire().length
          % 468);
      byte[] noEdns = ask(padding, Queries.query("www.example.test.", Type.A, 2)).wire();
      assertTrue(noEdns.length < 468);
      assertEquals(null, parse(noEdns).getOPT());
    }
  }
}
