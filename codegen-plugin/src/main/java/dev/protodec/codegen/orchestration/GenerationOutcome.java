package dev.protodec.codegen.orchestration;

/** How a run ended, so the Mojo knows whether there is an output directory to register. */
public enum GenerationOutcome {
  /** No {@code .proto} file matched: nothing was written and there is nothing to register. */
  NO_SOURCES,
  /** The fingerprint matched the last successful run: the outputs on disk are current. */
  UP_TO_DATE,
  /** protoc and the generator ran and the outputs were rewritten. */
  GENERATED
}
