package dev.protodec.codegen.model;

/**
 * A schema protodec cannot model: a type it cannot resolve, a default it cannot parse, names it cannot
 * make unique. The message says which element and what to do; the generator reports it as it is.
 */
public final class ModelException extends Exception {
  private static final long serialVersionUID = 1L;

  public ModelException(String message) {
    super(message);
  }
}
