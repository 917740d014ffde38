/**
 * Stages 2, 3 and 5 of the request path: make the key ({@link dev.protodec.doh.cache.CacheKeyMaker}),
 * look up and store ({@link dev.protodec.doh.cache.AnswerCache}, Caffeine bounded by bytes, per-entry
 * expiry plus the serve-stale window), coalesce misses ({@link dev.protodec.doh.cache.InFlightQueries}),
 * and the TTL rules ({@link dev.protodec.doh.cache.TtlPolicy}, {@link dev.protodec.doh.cache.CachedAnswer}).
 * Depends on Caffeine, the query stage and (for TTL rules on upstream replies) dnsjava; never on Netty.
 */
package dev.protodec.doh.cache;
