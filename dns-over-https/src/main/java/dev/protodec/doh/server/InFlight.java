package dev.protodec.doh.server;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** Requests handed to the resolver whose response has not been written yet, so that close() can drain them. */
final class InFlight {

  private final AtomicInteger count = new AtomicInteger();
  private final Object lock = new Object();

  void begin() {
    count.incrementAndGet();
  }

  void end() {
    if (count.decrementAndGet() == 0) {
      synchronized (lock) {
        lock.notifyAll();
      }
    }
  }

  int count() {
    return count.get();
  }

  /** Waits until none is in flight or {@code timeout} has passed; returns how many are still in flight. */
  int awaitNone(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (lock) {
      while (count.get() > 0) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          break;
        }
        TimeUnit.NANOSECONDS.timedWait(lock, left);
      }
    }
    return count.get();
  }
}
