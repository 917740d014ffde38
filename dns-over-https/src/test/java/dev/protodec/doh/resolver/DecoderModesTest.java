package dev.protodec.doh.resolver;

import static dev.protodec.doh.testing.Queries.ask;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.protodec.doh.testing.Queries;
import dev.protodec.doh.testing.TestClock;
import dev.protodec.doh.zone.EmbeddedZoneServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Type;

class DecoderModesTest {
  private static final Object[][] QUESTIONS = {
    {"www.example.test.", Type.A}, {"WWW.Example.Test.", Type.AAAA}, {"example.test.", Type.MX},
    {"example.test.", Type.TXT}, {"alias.example.test.", Type.A}, {"nowhere.example.test.", Type.A},
    {"example.test.", Type.SOA}, {"example.test.", Type.NS}, {"srv.example.test.", Type.SRV},
    {"www.sub.example.test.", Type.A}, {"www.example.test.", Type.MX}, {"big.example.test.", Type.TXT},
  };

  @Test
  void generatedReflectiveAndWireGiveTheSameAnswerBytes() throws Exception {
    TestClock clock = new TestClock();
    try (EmbeddedZoneServer zone = EmbeddedZoneServer.bundled().start()) {
      List<List<byte[]>> byMode = new ArrayList<>();
      for (DecoderMode mode : DecoderMode.values()) {
        try (DefaultResolver r = new DefaultResolver(ResolverConfig.builder().decoder(mode).clock(clock)
            .upstreams(List.of(zone.address())).healthProbeInterval(Duration.ZERO).build())) {
          List<byte[]> answers = new ArrayList<>();
          for (int round = 0; round < 2; round++) { // the miss, then the hit
            for (int i = 0; i < QUESTIONS.length; i++) {
              String name = (String) QUESTIONS[i][0];
              int type = (Integer) QUESTIONS[i][1];
              answers.add(ask(r, Queries.query(name, type, i)).wire());
              answers.add(ask(r, Queries.ednsQuery(name, type, i, i % 2 == 0, i % 3 == 0)).wire());
            }
          }
          byMode.add(answers);
        }
      }
      for (int m = 1; m < byMode.size(); m++) {
        for (int i = 0; i < byMode.get(0).size(); i++) {
          assertArrayEquals(byMode.get(0).get(i), byMode.get(m).get(i),
              DecoderMode.values()[m] + " differs from GENERATED at answer " + i);
        }
      }
      assertEquals(4 * QUESTIONS.length, byMode.get(0).size());
    }
  }
}
