package dev.protodec.doh.json;

/** A JSON API request that cannot become a DNS query (no name, a bad name, an unknown type); HTTP 400. */
public final class JsonRequestException extends Exception {
  private static final long serialVersionUID = 1L;

  JsonRequestException(String message) {
    super(message, null, false, false);
  }
}
