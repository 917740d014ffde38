/**
 * The JSON DoH API as Google and Cloudflare serve it ({@code application/dns-json}): {@link
 * dev.protodec.doh.json.JsonQuery} turns {@code name}, {@code type}, {@code cd} and {@code do}
 * parameters into a DNS wire query, {@link dev.protodec.doh.json.JsonAnswer} renders a wire answer
 * as {@code {"Status":0,"TC":false,...,"Answer":[...]}}. Both use dnsjava and know nothing of HTTP;
 * the server's router wires them to a {@link dev.protodec.doh.resolver.Resolver}.
 */
package dev.protodec.doh.json;
