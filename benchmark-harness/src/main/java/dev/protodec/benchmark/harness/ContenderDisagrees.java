package dev.protodec.benchmark.harness;

/** A contender read or wrote something else than protobuf-java; nothing is timed. */
public final class ContenderDisagrees extends Exception {
  private static final long serialVersionUID = 1L;

  public ContenderDisagrees(String message) {
    super(message);
  }
}
