package dev.protodec.jmh.pipeline;

import dev.protodec.doh.resolver.AnswerCallback;
import dev.protodec.doh.resolver.MalformedQueryException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The answers of one benchmark operation. Answers on the benchmark thread (cache hits) go to the
 * {@link Blackhole} one by one (the buffer, its length, the max-age); answers from the resolver's threads
 * (misses) are folded into a sum the operation consumes when all have arrived, since a {@code Blackhole}
 * belongs to its thread. {@link #await} parks until the expected number of misses has answered and fails
 * loudly if a hit did not answer on the spot, or a miss did not come back.
 */
final class Answers implements AnswerCallback {
  private static final long TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(10);

  private Thread owner;
  private Blackhole bh;
  private int onThread;
  private int expectedOffThread;
  private final AtomicInteger offThread = new AtomicInteger();
  private final AtomicLong offThreadSum = new AtomicLong();
  private final AtomicInteger wrongRcodes = new AtomicInteger();

  /** Starts an operation on the calling thread that expects {@code misses} answers from elsewhere. */
  void begin(Blackhole blackhole, int misses) {
    owner = Thread.currentThread();
    bh = blackhole;
    onThread = 0;
    expectedOffThread = misses;
    offThread.set(0);
    offThreadSum.set(0);
  }

  @Override
  public void onAnswer(byte[] answer, int length, int maxAgeSeconds) {
    if (Thread.currentThread() == owner) {
      bh.consume(answer);
      bh.consume(length);
      bh.consume(maxAgeSeconds);
      onThread++;
    } else {
      offThreadSum.addAndGet(length + maxAgeSeconds + answer[length - 1]);
      if (offThread.incrementAndGet() >= expectedOffThread) {
        LockSupport.unpark(owner);
      }
    }
  }

  @Override
  public void onMalformed(MalformedQueryException error) {
    throw new IllegalStateException("the resolver calls a benchmark query malformed", error);
  }

  /** A miss's callback that checks the answer's rcode before counting it. */
  AnswerCallback expectingRcode(int rcode) {
    return new AnswerCallback() {
      @Override
      public void onAnswer(byte[] answer, int length, int maxAgeSeconds) {
        if ((answer[3] & 0xf) != rcode) {
          wrongRcodes.incrementAndGet();
        }
        Answers.this.onAnswer(answer, length, maxAgeSeconds);
      }

      @Override
      public void onMalformed(MalformedQueryException error) {
        Answers.this.onMalformed(error);
      }
    };
  }

  /** Waits for the misses, then checks that {@code hits} answers came on the benchmark thread. */
  void await(int hits) {
    long deadline = System.nanoTime() + TIMEOUT_NANOS;
    while (offThread.get() < expectedOffThread) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        throw new IllegalStateException(offThread.get() + " of " + expectedOffThread
            + " misses answered within 10 s: the in-process upstream dropped queries?");
      }
      LockSupport.parkNanos(this, left);
    }
    if (onThread != hits || offThread.get() != expectedOffThread) {
      throw new IllegalStateException(onThread + " answers on the benchmark thread and " + offThread.get()
          + " from elsewhere; expected " + hits + " hits and " + expectedOffThread
          + " misses: a cached answer expired or was evicted");
    }
    if (wrongRcodes.get() != 0) {
      throw new IllegalStateException(wrongRcodes.get() + " misses answered with another rcode than the corpus"
          + " response's: the upstream failed");
    }
    bh.consume(offThreadSum.get());
  }
}
