package dev.protodec.doh.cli;

import dev.protodec.doh.resolver.DefaultResolver;
import dev.protodec.doh.zone.EmbeddedZoneServer;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What SIGHUP does: the embedded server re-reads its zone file, and the upstream list is re-read from
 * {@code --upstream-file}. A zone that loads also empties the in-process cache (as {@code unbound-control
 * reload} does), so no answer of the old zone, a cached NXDOMAIN least of all, outlives the reload; the
 * shared cache is left to expire, as it serves other instances too. Connections and in-flight queries
 * stay; a file that does not load leaves the old zone or list (and the cache) in place and is logged.
 */
final class Reloader {
  private static final Logger LOG = LoggerFactory.getLogger(Reloader.class);

  private final DefaultResolver resolver;
  private final Path upstreamFile;

  Reloader(DefaultResolver resolver, Path upstreamFile) {
    this.resolver = resolver;
    this.upstreamFile = upstreamFile;
  }

  void reload() {
    resolver.embeddedZone().ifPresent(this::reloadZone);
    if (upstreamFile != null) {
      try {
        List<InetSocketAddress> upstreams = UpstreamFile.read(upstreamFile);
        resolver.upstreams().replace(upstreams);
        LOG.info("reloaded {} upstream(s) from {}", upstreams.size(), upstreamFile);
      } catch (Exception e) {
        LOG.error("kept the upstream list: {}", e.getMessage());
      }
    }
  }

  private void reloadZone(EmbeddedZoneServer zone) {
    try {
      zone.reload();
      resolver.clearCache();
      LOG.info("reloaded the zone {} and emptied the cache", zone.zone().getOrigin());
    } catch (RuntimeException e) {
      LOG.error("kept the old zone: {}", e.getMessage());
    }
  }
}
