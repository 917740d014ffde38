package dev.protodec.jmh;

import java.io.IOException;

/**
 * One contender's encoding of its own prepared message at {@code index}, returned as a fresh array for
 * the cross-check (the benchmark method itself writes into the contender's reused sink, where it has
 * one).
 */
@FunctionalInterface
public interface CorpusWrite {
  byte[] write(int index) throws IOException;
}
