/**
 * The shared cache: a second level behind the in-process {@link dev.protodec.doh.cache.AnswerCache}, on
 * Redis or Redis Cluster, so that several resolver instances behind one load balancer answer from what
 * any of them fetched. Split by concern: where Redis is ({@link dev.protodec.doh.shared.SharedCacheUri},
 * {@link dev.protodec.doh.shared.SharedCacheConfig}), the key layout ({@link
 * dev.protodec.doh.shared.SharedKeys}), the value format ({@link dev.protodec.doh.shared.SharedValues}:
 * the entry's protobuf {@code DnsMessage} behind a small header), the connection's life cycle
 * ({@code RedisLink}, Lettuce), the read-with-deadline and write-behind paths ({@link
 * dev.protodec.doh.shared.SharedCache}) and the metrics. {@link dev.protodec.doh.resolver.DefaultResolver}
 * asks it only on an in-process miss. Depends on Lettuce (and through it Netty), the cache package and
 * Prometheus; never on the HTTP front.
 */
package dev.protodec.doh.shared;
