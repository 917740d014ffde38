package dev.protodec.doh.store;

import dev.protodec.dns.fast.DnsMessage;
import dev.protodec.dns.fast.EdnsOption;
import dev.protodec.doh.answer.AnswerWriter;
import dev.protodec.doh.cache.CachedAnswer;
import dev.protodec.doh.cache.TtlPolicy;
import dev.protodec.doh.decode.CachedAnswerDecoder;
import dev.protodec.doh.decode.GeneratedAnswerDecoder;
import dev.protodec.doh.decode.WireEntry;
import dev.protodec.doh.query.ParsedQuery;
import dev.protodec.doh.resolver.DecoderMode;
import dev.protodec.runtime.ProtoReader;
import java.io.IOException;
import org.xbill.DNS.Message;

/**
 * Stage 5, store: an upstream reply as a cache entry. The reply becomes a protodec {@code DnsMessage}
 * (dnsjava {@code Message} → {@code dev.protodec.dns.fast.DnsMessage} → protobuf bytes); in {@code WIRE}
 * mode that message is then written once as DNS wire, for the query that caused the miss (without EDNS),
 * with the index {@link WireEntry} describes. Runs on the miss path only; thread-safe.
 */
public final class CacheEntryFactory {
  private final DecoderMode mode;
  private final TtlPolicy ttls;
  private final MessageConverter converter;

  public CacheEntryFactory(DecoderMode mode, TtlPolicy ttls) {
    this.mode = mode;
    this.ttls = ttls;
    this.converter = new MessageConverter(ttls);
  }

  /**
   * An entry and its message's protobuf bytes: what the shared cache stores. In the protobuf modes the
   * two are one array; in {@code WIRE} mode the entry's payload is the wire form.
   */
  public record Created(CachedAnswer entry, byte[] message) {}

  /** The entry for {@code reply} to {@code query}, stored at {@code nowMillis}. */
  public CachedAnswer create(Message reply, ParsedQuery query, long nowMillis) {
    return createWithMessage(reply, query, nowMillis).entry();
  }

  /** {@link #create}, keeping the protobuf message bytes too. */
  public Created createWithMessage(Message reply, ParsedQuery query, long nowMillis) {
    int ttl = ttls.entryTtl(reply);
    DnsMessage message = converter.convert(reply, ttl);
    byte[] protobuf = message.toByteArray();
    byte[] payload;
    try {
      payload = mode == DecoderMode.WIRE ? wire(message, query) : protobuf;
    } catch (IOException e) { // a reply dnsjava parsed but DNS cannot carry again: the query fails (SERVFAIL)
      throw new java.io.UncheckedIOException(e);
    }
    return new Created(new CachedAnswer(payload, nowMillis, ttl, reply.getRcode()), protobuf);
  }

  /**
   * An entry read from the shared cache (its payload a protobuf message) in this factory's mode: itself
   * in the protobuf modes, its wire form for {@code query} in {@code WIRE} mode.
   *
   * @throws IOException if the message does not decode ({@code WIRE} mode only; the protobuf modes find
   *     out when they write the answer)
   */
  public CachedAnswer fromMessage(CachedAnswer shared, ParsedQuery query) throws IOException {
    if (mode != DecoderMode.WIRE) {
      return shared;
    }
    DnsMessage message = DnsMessage.newInstance();
    ProtoReader.newInstance().wrap(shared.payload()).parseInto(message);
    return new CachedAnswer(wire(message, query), shared.storedAtMillis(), shared.ttlSeconds(), shared.rcode());
  }

  private static byte[] wire(DnsMessage message, ParsedQuery query) throws IOException {
    AnswerWriter writer = new AnswerWriter();
    GeneratedAnswerDecoder.write(message, query.withoutEdns(), 0, 0, 0, writer);
    writer.finish(false);
    byte[] options = new byte[256];
    int length = 0;
    if (message.hasEdns()) {
      for (int i = 0; i < message.getEdns().getOptionsCount(); i++) {
        EdnsOption option = message.getEdns().getOptions(i);
        if (option.getCode() != CachedAnswerDecoder.OPTION_EDE) {
          continue;
        }
        int n = option.getData().length();
        if (length + 4 + n > options.length) {
          options = java.util.Arrays.copyOf(options, (length + 4 + n) * 2);
        }
        options[length++] = 0;
        options[length++] = (byte) CachedAnswerDecoder.OPTION_EDE;
        options[length++] = (byte) (n >> 8);
        options[length++] = (byte) n;
        System.arraycopy(option.getData().array(), option.getData().offset(), options, length, n);
        length += n;
      }
    }
    return WireEntry.of(writer, message.getHeader().getRcodeValue() >> 4, options, length);
  }
}
