/**
 * The HTTP front: a Netty server that maps RFC 8484 (DNS wire over HTTP) and the JSON API onto a
 * {@link dev.protodec.doh.resolver.Resolver}. HTTP/2 (ALPN {@code h2}) and HTTP/1.1 over TLS on one
 * port, or cleartext HTTP/1.1 and h2c; limits against slow and abusive clients; every outcome counted.
 *
 * <p>Start with {@link dev.protodec.doh.server.DohServer} and {@link
 * dev.protodec.doh.server.DohServerConfig}. {@code DohInitializer} builds one pipeline per variant
 * (TLS with ALPN, cleartext, HTTP/1.1, HTTP/2); {@code DohRouter} is the protocol-neutral request
 * path both HTTP versions share.
 */
package dev.protodec.doh.server;
