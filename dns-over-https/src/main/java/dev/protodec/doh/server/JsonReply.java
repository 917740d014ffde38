package dev.protodec.doh.server;

import dev.protodec.doh.json.JsonAnswer;
import io.netty.buffer.ByteBuf;
import io.netty.util.AsciiString;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Delivers one JSON API answer: the wire answer rendered as {@code application/dns-json}. */
final class JsonReply extends WireReply {

  JsonReply(Exchange exchange, InFlight inFlight) {
    super(exchange, inFlight);
  }

  @Override
  ByteBuf answerBody(byte[] answer, int length) {
    byte[] json;
    try {
      json = JsonAnswer.render(answer, length);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return exchange().alloc().buffer(json.length).writeBytes(json);
  }

  @Override
  AsciiString answerType() {
    return MediaTypes.DNS_JSON;
  }

  @Override
  ByteBuf errorBody(String message) {
    return json(exchange(), message);
  }

  @Override
  AsciiString errorType() {
    return MediaTypes.DNS_JSON;
  }

  static ByteBuf json(Exchange exchange, String error) {
    byte[] bytes = JsonAnswer.error(error);
    return exchange.alloc().buffer(bytes.length).writeBytes(bytes);
  }
}
