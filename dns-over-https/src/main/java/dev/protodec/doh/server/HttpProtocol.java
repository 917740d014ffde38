package dev.protodec.doh.server;

/** The HTTP version a request came in on, as metrics label it. */
enum HttpProtocol {
  HTTP_1_1("1.1"),
  HTTP_2("2");

  private final String label;

  HttpProtocol(String label) {
    this.label = label;
  }

  String label() {
    return label;
  }
}
