package dev.protodec.doh.server;

import dev.protodec.doh.resolver.AnswerCallback;
import dev.protodec.doh.resolver.MalformedQueryException;
import io.netty.buffer.ByteBuf;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.util.AsciiString;
import io.netty.util.concurrent.EventExecutor;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.RejectedExecutionException;

/**
 * Delivers one RFC 8484 answer: copies the resolver's bytes into a pooled buffer at once (the array
 * is only valid during the callback), then writes on the connection's event loop. A hit answers while
 * the request is being read, so its write waits for that read's flush; a miss hops back and flushes.
 */
class WireReply implements AnswerCallback {

  private final Exchange exchange;
  private final InFlight inFlight;
  /** True until {@code resolve} has returned; only read on the event loop. */
  private boolean inline = true;

  WireReply(Exchange exchange, InFlight inFlight) {
    this.exchange = exchange;
    this.inFlight = inFlight;
    inFlight.begin();
  }

  /** Called by the router once {@code resolve} has returned. */
  final void resolved() {
    inline = false;
  }

  @Override
  public final void onAnswer(byte[] answer, int length, int maxAgeSeconds) {
    ByteBuf body;
    try {
      body = answerBody(answer, length);
    } catch (RuntimeException unrenderable) {
      send(HttpResponseStatus.INTERNAL_SERVER_ERROR, errorType(), errorBody("answer could not be rendered"), -1);
      return;
    }
    send(HttpResponseStatus.OK, answerType(), body, maxAgeSeconds);
  }

  @Override
  public final void onMalformed(MalformedQueryException error) {
    send(HttpResponseStatus.BAD_REQUEST, errorType(), errorBody(error.getMessage()), -1);
  }

  /** The body of a 200, a copy of the answer; made before the callback returns. */
  ByteBuf answerBody(byte[] answer, int length) {
    ByteBuf body = exchange.alloc().buffer(length);
    body.writeBytes(answer, 0, length);
    return body;
  }

  AsciiString answerType() {
    return MediaTypes.DNS_MESSAGE;
  }

  ByteBuf errorBody(String message) {
    return text(exchange, message);
  }

  AsciiString errorType() {
    return MediaTypes.TEXT;
  }

  final Exchange exchange() {
    return exchange;
  }

  /** A plain-text body: the message and a newline. */
  static ByteBuf text(Exchange exchange, String message) {
    byte[] bytes = (message + "\n").getBytes(StandardCharsets.UTF_8);
    return exchange.alloc().buffer(bytes.length).writeBytes(bytes);
  }

  private void send(HttpResponseStatus status, AsciiString type, ByteBuf body, int maxAge) {
    EventExecutor executor = exchange.executor();
    if (executor.inEventLoop()) {
      write(status, type, body, maxAge, !inline);
      return;
    }
    try {
      executor.execute(() -> write(status, type, body, maxAge, true));
    } catch (RejectedExecutionException closed) {
      body.release(); // the event loop is gone, and the client with it
      inFlight.end();
    }
  }

  private void write(HttpResponseStatus status, AsciiString type, ByteBuf body, int maxAge, boolean flush) {
    try {
      exchange.respond(status, type, maxAge, null, body, flush);
    } finally {
      inFlight.end();
    }
  }
}
