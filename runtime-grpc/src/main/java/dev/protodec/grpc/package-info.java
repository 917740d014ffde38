/**
 * gRPC support for protodec messages: the marshaller the generated service classes use. Depends on the
 * protodec runtime and grpc-java's API only.
 */
package dev.protodec.grpc;
