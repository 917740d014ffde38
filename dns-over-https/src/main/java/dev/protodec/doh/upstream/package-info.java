/**
 * Stage 4 of the request path, upstream on a miss: {@link dev.protodec.doh.upstream.UpstreamPool} sends a
 * dnsjava query to the fastest healthy upstream over UDP (TCP when truncated), fails over to the next,
 * checks replies against queries (RFC 5452) and probes health. Depends on dnsjava only.
 */
package dev.protodec.doh.upstream;
