package dev.protodec.doh.server;

/**
 * The user event {@link DohServer#close()} fires on every connection: HTTP/2 sends GOAWAY, HTTP/1.1
 * closes once its pending responses are written. Either way no new request is taken.
 */
final class Drain {
  static final Drain INSTANCE = new Drain();

  private Drain() {}
}
