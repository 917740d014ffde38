package dev.protodec.codegen.generator;

/** A schema the generator cannot turn into Java; the message names the file and element. */
public final class GeneratorException extends Exception {
  private static final long serialVersionUID = 1L;

  public GeneratorException(String message) {
    super(message);
  }
}
