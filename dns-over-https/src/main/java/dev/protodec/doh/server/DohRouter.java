package dev.protodec.doh.server;

import dev.protodec.doh.json.JsonQuery;
import dev.protodec.doh.json.JsonRequestException;
import dev.protodec.doh.resolver.Resolver;
import io.netty.buffer.ByteBuf;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.util.AsciiString;

/**
 * The request path both HTTP versions share, with no HTTP framing in it: picks the route from method
 * and path, turns the request into a wire query, hands it to the {@link Resolver}, and answers
 * through the request's {@link Exchange}. Stateless; one per server.
 */
final class DohRouter {

  /** Where a request goes. */
  enum Route {
    /** RFC 8484 GET {@code /dns-query?dns=...}. */
    DNS_GET,
    /** RFC 8484 POST {@code /dns-query}; needs its body. */
    DNS_POST,
    /** The JSON API: {@code /resolve}, or {@code /dns-query} asked for {@code application/dns-json}. */
    JSON_GET,
    /** Not a path we serve: 404. */
    NOT_FOUND,
    /** {@code /dns-query} with another method: 405. */
    DNS_QUERY_METHOD,
    /** {@code /resolve} with another method: 405. */
    RESOLVE_METHOD
  }

  private static final AsciiString GET = HttpMethod.GET.asciiName();
  private static final AsciiString POST = HttpMethod.POST.asciiName();
  private static final String DNS_QUERY = "/dns-query";
  private static final String RESOLVE = "/resolve";
  private static final AsciiString ALLOW_DNS_QUERY = AsciiString.cached("GET, POST");
  private static final AsciiString ALLOW_RESOLVE = AsciiString.cached("GET");

  private final Resolver resolver;
  private final FrontMetrics metrics;
  private final InFlight inFlight;

  DohRouter(Resolver resolver, FrontMetrics metrics, InFlight inFlight) {
    this.resolver = resolver;
    this.metrics = metrics;
    this.inFlight = inFlight;
  }

  /** The route of a request; {@code method} as sent (HTTP methods are case-sensitive). */
  static Route route(CharSequence method, CharSequence pathAndQuery, CharSequence accept) {
    boolean get = AsciiString.contentEquals(GET, method);
    if (pathIs(pathAndQuery, DNS_QUERY)) {
      if (get) {
        return MediaTypes.accepts(accept, MediaTypes.DNS_JSON) ? Route.JSON_GET : Route.DNS_GET;
      }
      return AsciiString.contentEquals(POST, method) ? Route.DNS_POST : Route.DNS_QUERY_METHOD;
    }
    if (pathIs(pathAndQuery, RESOLVE)) {
      return get ? Route.JSON_GET : Route.RESOLVE_METHOD;
    }
    return Route.NOT_FOUND;
  }

  /** Answers every route but {@link Route#DNS_POST}, whose body comes later ({@link #post}). */
  void handle(Exchange exchange, Route route, CharSequence pathAndQuery) {
    switch (route) {
      case DNS_GET:
        get(exchange, pathAndQuery);
        break;
      case JSON_GET:
        json(exchange, pathAndQuery);
        break;
      case DNS_QUERY_METHOD:
        error(exchange, HttpResponseStatus.METHOD_NOT_ALLOWED, ALLOW_DNS_QUERY, "use GET or POST");
        break;
      case RESOLVE_METHOD:
        error(exchange, HttpResponseStatus.METHOD_NOT_ALLOWED, ALLOW_RESOLVE, "use GET");
        break;
      case NOT_FOUND:
      default:
        error(exchange, HttpResponseStatus.NOT_FOUND, null, "not found: DNS queries go to /dns-query");
    }
  }

  /**
   * Checks a POST's headers before its body arrives; answers and returns true when it is refused
   * (415 for a content type other than {@code application/dns-message}, 413 for a declared length
   * over {@link DohServerConfig#MAX_BODY_BYTES}).
   *
   * @param contentLength the declared length, or negative when none was given
   */
  boolean refusePost(Exchange exchange, CharSequence contentType, long contentLength) {
    if (!MediaTypes.is(contentType, MediaTypes.DNS_MESSAGE)) {
      error(exchange, HttpResponseStatus.UNSUPPORTED_MEDIA_TYPE, null, "content-type must be application/dns-message");
      return true;
    }
    if (contentLength > DohServerConfig.MAX_BODY_BYTES) {
      tooLarge(exchange);
      return true;
    }
    return false;
  }

  /** Answers a POST's body, {@code body}'s readable bytes (not released here). */
  void post(Exchange exchange, ByteBuf body) {
    byte[] query = new byte[body.readableBytes()];
    body.getBytes(body.readerIndex(), query);
    resolve(exchange, query);
  }

  /** A body past {@link DohServerConfig#MAX_BODY_BYTES}: 413. */
  void tooLarge(Exchange exchange) {
    error(exchange, HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE, null, "a DNS message is at most 65535 bytes");
  }

  /** Answers with an error status and a one-line text body. */
  static void error(Exchange exchange, HttpResponseStatus status, AsciiString allow, String message) {
    exchange.respond(status, MediaTypes.TEXT, -1, allow, WireReply.text(exchange, message), false);
  }

  private void get(Exchange exchange, CharSequence pathAndQuery) {
    int start = parameter(pathAndQuery, "dns");
    if (start < 0) {
      error(exchange, HttpResponseStatus.BAD_REQUEST, null, "missing dns parameter");
      return;
    }
    int end = start;
    while (end < pathAndQuery.length() && pathAndQuery.charAt(end) != '&' && pathAndQuery.charAt(end) != '#') {
      end++;
    }
    byte[] query = Base64Url.decode(pathAndQuery, start, end);
    if (query == null) {
      error(exchange, HttpResponseStatus.BAD_REQUEST, null, "the dns parameter is not base64url");
      return;
    }
    resolve(exchange, query);
  }

  private void resolve(Exchange exchange, byte[] query) {
    metrics.query(exchange.version(), FrontMetrics.Format.WIRE);
    WireReply reply = new WireReply(exchange, inFlight);
    resolver.resolve(query, 0, query.length, reply);
    reply.resolved();
  }

  private void json(Exchange exchange, CharSequence pathAndQuery) {
    byte[] query;
    try {
      query = JsonQuery.toWire(new QueryStringDecoder(pathAndQuery.toString()).parameters());
    } catch (JsonRequestException | IllegalArgumentException e) {
      exchange.respond(
          HttpResponseStatus.BAD_REQUEST, MediaTypes.DNS_JSON, -1, null, JsonReply.json(exchange, e.getMessage()), false);
      return;
    }
    metrics.query(exchange.version(), FrontMetrics.Format.JSON);
    JsonReply reply = new JsonReply(exchange, inFlight);
    resolver.resolve(query, 0, query.length, reply);
    reply.resolved();
  }

  /** Where the value of {@code name} starts in the query string, or -1. */
  static int parameter(CharSequence pathAndQuery, String name) {
    int length = pathAndQuery.length();
    int i = indexOf(pathAndQuery, '?', 0);
    while (i >= 0 && i < length) {
      int keyStart = i + 1;
      int keyEnd = keyStart + name.length();
      if (keyEnd < length
          && pathAndQuery.charAt(keyEnd) == '='
          && AsciiString.regionMatches(pathAndQuery, false, keyStart, name, 0, name.length())) {
        return keyEnd + 1;
      }
      i = indexOf(pathAndQuery, '&', keyStart);
    }
    return -1;
  }

  private static boolean pathIs(CharSequence pathAndQuery, String path) {
    int n = path.length();
    if (pathAndQuery.length() < n || !AsciiString.regionMatches(pathAndQuery, false, 0, path, 0, n)) {
      return false;
    }
    return pathAndQuery.length() == n || pathAndQuery.charAt(n) == '?';
  }

  private static int indexOf(CharSequence s, char c, int from) {
    for (int i = from; i < s.length(); i++) {
      if (s.charAt(i) == c) {
        return i;
      }
    }
    return -1;
  }
}
