/**
 * The embedded default upstream: {@link dev.protodec.doh.zone.EmbeddedZoneServer}, an authoritative DNS
 * server on loopback (UDP and TCP) serving a bundled or given zone file with dnsjava, so every stage of
 * the resolver runs with no network. Depends on dnsjava only.
 */
package dev.protodec.doh.zone;
