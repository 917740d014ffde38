package dev.protodec.dns.corpus;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.InvalidProtocolBufferException;
import dev.protodec.dns.v1.DnsMessage;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class DnsCorpusTest {

  @Test
  void sameSeedGivesTheSameBytes() {
    DnsCorpus first = DnsCorpus.generate();
    DnsCorpus second = DnsCorpus.generate(DnsCorpus.DEFAULT_SIZE, DnsCorpus.DEFAULT_SEED);

    assertEquals(DnsCorpus.DEFAULT_SIZE, first.size());
    assertEquals(DnsCorpus.DEFAULT_SEED, first.seed());
    for (int i = 0; i < first.size(); i++) {
      assertArrayEquals(first.encoded(i), second.encoded(i), "message " + i);
    }
  }

  /**
   * The default corpus is the one the benchmarks report on, so a change to the generator that changes
   * it must be deliberate: update this digest, and say so where results are compared.
   */
  @Test
  void defaultCorpusIsStillTheSameCorpus() throws NoSuchAlgorithmException {
    MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
    for (byte[] encoded : DnsCorpus.generate().encoded()) {
      sha256.update(encoded);
    }
    assertEquals("3f714713660af9f34a2586ab7bc429ff2deb19c3302e365deea47471d138bca0",
        HexFormat.of().formatHex(sha256.digest()));
  }

  @Test
  void anotherSeedGivesAnotherCorpus() {
    DnsCorpus first = DnsCorpus.generate(100, 1);
    DnsCorpus second = DnsCorpus.generate(100, 2);

    assertFalse(Arrays.deepEquals(first.encoded(), second.encoded()));
  }

  @Test
  void encodingsAreTheMessagesEncoded() throws InvalidProtocolBufferException {
    DnsCorpus corpus = DnsCorpus.generate(200);
    for (int i = 0; i < corpus.size(); i++) {
      DnsMessage message = corpus.messages().get(i);
      assertArrayEquals(message.toByteArray(), corpus.encoded(i), "message " + i);
      assertEquals(message, DnsMessage.parseFrom(corpus.encoded(i)), "message " + i);
    }
    assertEquals(Arrays.stream(corpus.encoded()).mapToLong(b -> b.length).sum(), corpus.totalBytes());
  }

  @Test
  void everyMessageFitsTheSizeBound() {
    DnsCorpus corpus = DnsCorpus.generate(5_000, 7);
    for (byte[] encoded : corpus.encoded()) {
      assertTrue(encoded.length <= DnsCorpus.MAX_MESSAGE_BYTES, encoded.length + " bytes");
    }
  }

  @Test
  void everyMessageIsAResponseWithOneQuestion() {
    for (DnsMessage message : DnsCorpus.generate().messages()) {
      assertTrue((message.getHeader().getFlags() & 0x8000) != 0, "QR set");
      assertEquals(1, message.getQuestionsCount());
      assertTrue(message.getQuestions(0).getName().endsWith("."), message.getQuestions(0).getName());
    }
  }

  @Test
  void outerArrayIsACopy() {
    DnsCorpus corpus = DnsCorpus.generate(10);
    byte[][] encoded = corpus.encoded();
    encoded[0] = null;

    assertNotSame(encoded, corpus.encoded());
    assertEquals(10, Arrays.stream(corpus.encoded()).filter(b -> b != null).count());
  }

  @Test
  void emptyCorpusIsRefused() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DnsCorpus.generate(0));
    assertEquals("a corpus needs at least one message, asked for 0", e.getMessage());
  }
}
