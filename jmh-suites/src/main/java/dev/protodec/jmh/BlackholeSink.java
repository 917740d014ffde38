package dev.protodec.jmh;

import dev.protodec.dns.corpus.FieldSink;
import org.openjdk.jmh.infra.Blackhole;

/** Hands every value to a JMH {@link Blackhole}, so that no value a contender reads is dead code. */
public final class BlackholeSink implements FieldSink {
  private final Blackhole blackhole;

  public BlackholeSink(Blackhole blackhole) {
    this.blackhole = blackhole;
  }

  @Override
  public void value(int v) {
    blackhole.consume(v);
  }

  @Override
  public void value(long v) {
    blackhole.consume(v);
  }

  @Override
  public void value(boolean v) {
    blackhole.consume(v);
  }

  @Override
  public void value(Object v) {
    blackhole.consume(v);
  }
}
