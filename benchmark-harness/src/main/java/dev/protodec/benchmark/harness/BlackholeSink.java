package dev.protodec.benchmark.harness;

import com.google.protobuf.ByteString;
import dev.protodec.runtime.ProtoBytes;
import dev.protodec.runtime.Utf8String;
import org.openjdk.jmh.infra.Blackhole;

/** Hands every value to JMH's {@link Blackhole}, so no read is dead code. */
public final class BlackholeSink implements FieldSink {
  private final Blackhole bh;

  public BlackholeSink(Blackhole bh) {
    this.bh = bh;
  }

  @Override public void value(String field, long value) { bh.consume(value); }
  @Override public void value(String field, double value) { bh.consume(value); }
  @Override public void value(String field, boolean value) { bh.consume(value); }
  @Override public void text(String field, String value) { bh.consume(value); }
  @Override public void bytes(String field, ByteString value) { bh.consume(value); }
  @Override public void bytes(String field, ProtoBytes value) { bh.consume(value); }
  @Override public void utf8(String field, Utf8String value) { bh.consume(value); }
  @Override public void enter(String field, int index) {}
  @Override public void exit() {}
  @Override public void beginMap(String field) {}
  @Override public void endMap() {}
}
