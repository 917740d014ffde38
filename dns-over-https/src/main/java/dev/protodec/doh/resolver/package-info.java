/**
 * The resolver's public API: {@link dev.protodec.doh.resolver.Resolver} (wire query in, wire answer out
 * through an {@link dev.protodec.doh.resolver.AnswerCallback}), {@link
 * dev.protodec.doh.resolver.DefaultResolver} built from a {@link dev.protodec.doh.resolver.ResolverConfig},
 * and {@link dev.protodec.doh.resolver.ResolverSupport} for callers that want a value. {@code
 * DefaultResolver} wires the stages of the packages beside this one; nothing here sees Netty or HTTP.
 */
package dev.protodec.doh.resolver;
