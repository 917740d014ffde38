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
 * {@code --upstream-file}. Connections, the cache and in-flight queries stay; a file that does not load
 * leaves the old zone or list in place and is logged.
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
      LOG.info("reloaded the zone {}", zone.zone().getOrigin());
    } catch (RuntimeException e) {
      LOG.error("kept the old zone: {}", e.getMessage());
    }
  }
}
