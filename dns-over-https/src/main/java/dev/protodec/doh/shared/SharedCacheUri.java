package dev.protodec.doh.shared;

import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Where the shared cache is: one Redis server or the seed nodes of a Redis Cluster, with TLS and ACL
 * credentials. Parsed from the forms {@code serve --shared-cache} takes:
 *
 * <pre>
 * redis://[USER:PASSWORD@]HOST:PORT                  one server
 * rediss://[USER:PASSWORD@]HOST:PORT                 one server over TLS (certificate verified)
 * redis-cluster://[USER:PASSWORD@]H1:P1,H2:P2,...    Redis Cluster, any number of seed nodes
 * rediss-cluster://[USER:PASSWORD@]H1:P1,...         Redis Cluster over TLS
 * </pre>
 *
 * <p>The port defaults to 6379; IPv6 hosts go in brackets; user and password are percent-decoded, and a
 * bare {@code :PASSWORD@} (no user) authenticates as Redis's {@code default} user. {@link #toString()}
 * never shows the password.
 *
 * @param tls connect with TLS
 * @param cluster the seeds are Redis Cluster nodes (the client learns the rest of the topology)
 * @param username the ACL user, or null for {@code default}
 * @param password the password, or null for none
 * @param seeds one server, or the cluster's seed nodes (unresolved)
 */
public record SharedCacheUri(boolean tls, boolean cluster, String username, String password,
    List<InetSocketAddress> seeds) {
  private static final int DEFAULT_PORT = 6379;

  public SharedCacheUri {
    seeds = List.copyOf(seeds);
    if (seeds.isEmpty() || (!cluster && seeds.size() > 1)) {
      throw new IllegalArgumentException("a shared cache needs one server, or one or more cluster seeds: " + seeds);
    }
  }

  /**
   * Parses one of the forms above.
   *
   * @throws IllegalArgumentException with a message naming the accepted forms
   */
  public static SharedCacheUri parse(String text) {
    Objects.requireNonNull(text, "text");
    int schemeEnd = text.indexOf("://");
    if (schemeEnd < 0) {
      throw invalid(text, "no scheme");
    }
    String scheme = text.substring(0, schemeEnd);
    boolean tls;
    boolean cluster;
    switch (scheme) {
      case "redis": tls = false; cluster = false; break;
      case "rediss": tls = true; cluster = false; break;
      case "redis-cluster": tls = false; cluster = true; break;
      case "rediss-cluster": tls = true; cluster = true; break;
      default: throw invalid(text, "unknown scheme " + scheme);
    }
    String rest = text.substring(schemeEnd + 3);
    if (rest.endsWith("/")) {
      rest = rest.substring(0, rest.length() - 1);
    }
    String username = null;
    String password = null;
    int at = rest.lastIndexOf('@');
    if (at >= 0) {
      String userInfo = rest.substring(0, at);
      rest = rest.substring(at + 1);
      int colon = userInfo.indexOf(':');
      String user = colon < 0 ? userInfo : userInfo.substring(0, colon);
      username = user.isEmpty() ? null : decode(user);
      password = colon < 0 ? null : decode(userInfo.substring(colon + 1));
    }
    List<InetSocketAddress> seeds = new ArrayList<>();
    for (String hostPort : rest.split(",", -1)) {
      seeds.add(hostPort(text, hostPort.trim()));
    }
    if (!cluster && seeds.size() > 1) {
      throw invalid(text, "several hosts need the cluster form (" + (tls ? "rediss" : "redis") + "-cluster://)");
    }
    return new SharedCacheUri(tls, cluster, username, password, seeds);
  }

  private static InetSocketAddress hostPort(String text, String s) {
    if (s.isEmpty()) {
      throw invalid(text, "empty host");
    }
    String host;
    String port;
    if (s.startsWith("[")) {
      int close = s.indexOf(']');
      if (close < 0) {
        throw invalid(text, "unclosed [");
      }
      host = s.substring(1, close);
      port = s.length() > close + 1 && s.charAt(close + 1) == ':' ? s.substring(close + 2) : null;
    } else {
      int colon = s.lastIndexOf(':');
      host = colon < 0 ? s : s.substring(0, colon);
      port = colon < 0 ? null : s.substring(colon + 1);
    }
    try {
      int p = port == null ? DEFAULT_PORT : Integer.parseInt(port);
      if (p < 1 || p > 65_535 || host.isEmpty()) {
        throw invalid(text, "bad host or port " + s);
      }
      return InetSocketAddress.createUnresolved(host, p);
    } catch (NumberFormatException e) {
      throw invalid(text, "bad port " + port);
    }
  }

  private static String decode(String s) {
    return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
  }

  private static IllegalArgumentException invalid(String text, String why) {
    return new IllegalArgumentException("--shared-cache " + redact(text) + ": " + why + "; expected"
        + " redis://[USER:PASSWORD@]HOST:PORT, rediss://..., or redis-cluster://[USER:PASSWORD@]H1:P1,H2:P2,...");
  }

  /** {@code text} with anything between {@code ://} and the last {@code @} hidden. */
  private static String redact(String text) {
    int start = text.indexOf("://");
    int at = text.lastIndexOf('@');
    return start >= 0 && at > start ? text.substring(0, start + 3) + "***@" + text.substring(at + 1) : text;
  }

  @Override
  public String toString() {
    StringBuilder s = new StringBuilder(tls ? "rediss" : "redis").append(cluster ? "-cluster://" : "://");
    if (username != null || password != null) {
      s.append(username == null ? "" : username).append(password == null ? "" : ":***").append('@');
    }
    for (int i = 0; i < seeds.size(); i++) {
      InetSocketAddress a = seeds.get(i);
      String host = a.getHostString();
      s.append(i == 0 ? "" : ",").append(host.indexOf(':') >= 0 ? "[" + host + "]" : host).append(':').append(a.getPort());
    }
    return s.toString();
  }
}
