package dev.protodec.doh.testing;

import java.time.Instant;
import java.time.InstantSource;
import java.util.concurrent.atomic.AtomicLong;

/** A clock tests move by hand, so TTL decay is tested without sleeping. */
public final class TestClock implements InstantSource {
  private final AtomicLong millis = new AtomicLong(1_800_000_000_000L);

  public void advanceSeconds(double seconds) {
    millis.addAndGet((long) (seconds * 1000));
  }

  @Override
  public long millis() {
    return millis.get();
  }

  @Override
  public Instant instant() {
    return Instant.ofEpochMilli(millis.get());
  }
}
