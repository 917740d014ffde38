/**
 * Stage 5 of the request path, store: turns an upstream reply (dnsjava) into a cache entry's payload, a
 * protobuf-encoded {@code DnsMessage} or, in {@code WIRE} mode, indexed DNS wire. Depends on dnsjava,
 * the schema's generated classes and the cache, answer and decode packages; never on Netty.
 */
package dev.protodec.doh.store;
