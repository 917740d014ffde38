/**
 * The gRPC API: {@code Resolve(DnsMessage) returns (DnsMessage)} over the same {@code Resolver} the DoH
 * front uses, served by grpc-java with protodec's generated service class ({@code v1.DnsResolverGrpc})
 * and marshaller. Depends on the resolver API and dnsjava (wire conversion off the hit path).
 */
package dev.protodec.doh.grpc;
