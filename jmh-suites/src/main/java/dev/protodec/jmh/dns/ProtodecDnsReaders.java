package dev.protodec.jmh.dns;

import dev.protodec.dns.fast.DnsMessage;
import dev.protodec.dns.corpus.DnsMessageReader;
import dev.protodec.dns.corpus.FieldSink;
import dev.protodec.dns.corpus.GeneratedDnsMessageReader;
import dev.protodec.jmh.BufferReader;
import dev.protodec.runtime.ProtoReader;
import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * protodec used in the ways dns-corpus's {@code GeneratedDnsMessageReader} (reused message, {@code
 * byte[]}) does not: a fresh message per call, and a direct {@link ByteBuffer} input, fresh or reused.
 * A direct buffer has no array to read in place, so protodec copies it once into the reader's scratch
 * array (reused) or a new one (fresh) and parses that.
 */
public final class ProtodecDnsReaders {
  private ProtodecDnsReaders() {}

  /** {@code DnsMessage.parseFrom(bytes)}: a new message, with new nested messages, per call. */
  public static DnsMessageReader fresh() {
    return new DnsMessageReader() {
      @Override
      public String name() {
        return "protodec (fresh message)";
      }

      @Override
      public void readLight(byte[] message, FieldSink sink) throws IOException {
        GeneratedDnsMessageReader.light(DnsMessage.parseFrom(message), sink);
      }

      @Override
      public void readDeep(byte[] message, FieldSink sink) throws IOException {
        GeneratedDnsMessageReader.deep(DnsMessage.parseFrom(message), sink);
      }
    };
  }

  /** {@code DnsMessage.parseFrom(buffer)}: a new message (and scratch copy) per call. */
  public static BufferReader directFresh() {
    return new BufferReader() {
      @Override
      public String name() {
        return "protodec (direct ByteBuffer, fresh message)";
      }

      @Override
      public void readLight(ByteBuffer message, FieldSink sink) throws IOException {
        GeneratedDnsMessageReader.light(DnsMessage.parseFrom(message), sink);
      }

      @Override
      public void readDeep(ByteBuffer message, FieldSink sink) throws IOException {
        GeneratedDnsMessageReader.deep(DnsMessage.parseFrom(message), sink);
      }
    };
  }

  /** One {@link ProtoReader} and one message, cleared and refilled per call. Not thread-safe. */
  public static BufferReader directReused() {
    return new BufferReader() {
      private final ProtoReader reader = ProtoReader.newInstance();
      private final DnsMessage reused = DnsMessage.newInstance();

      @Override
      public String name() {
        return "protodec (direct ByteBuffer, reused message)";
      }

      @Override
      public void readLight(ByteBuffer message, FieldSink sink) throws IOException {
        GeneratedDnsMessageReader.light(parse(message), sink);
      }

      @Override
      public void readDeep(ByteBuffer message, FieldSink sink) throws IOException {
        GeneratedDnsMessageReader.deep(parse(message), sink);
      }

      private DnsMessage parse(ByteBuffer message) throws IOException {
        reused.clear();
        return reader.wrap(message).parseInto(reused);
      }
    };
  }
}
