package dev.protodec.jmh;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;

import org.junit.jupiter.api.Test;

/**
 * Runs every benchmark's trial set-up, which is where the cross-checks live: each contender over the
 * whole corpus against protobuf-java (decoders) or the corpus bytes (encoders). So {@code mvn verify}
 * fails on a contender that disagrees, without timing anything.
 */
class ContendersAgreeTest {
  @Test
  void dnsLightReadersAgree() {
    assertDoesNotThrow(() -> new DnsDecodeLight().setUp());
  }

  @Test
  void dnsDeepReadersAgree() {
    assertDoesNotThrow(() -> new DnsDecodeDeep().setUp());
  }

  @Test
  void dnsEncodersAgree() {
    assertDoesNotThrow(() -> new DnsEncode().setUp());
  }

  @Test
  void otlpLightReadersAgree() {
    assertDoesNotThrow(() -> new OtlpDecodeLight().setUp());
  }

  @Test
  void otlpDeepReadersAgree() {
    assertDoesNotThrow(() -> new OtlpDecodeDeep().setUp());
  }

  @Test
  void otlpEncodersAgree() {
    assertDoesNotThrow(() -> new OtlpEncode().setUp());
  }
}
