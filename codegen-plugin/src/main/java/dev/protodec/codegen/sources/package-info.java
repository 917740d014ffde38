/**
 * Finding {@code .proto} files: scanning source roots with Ant-style include and exclude patterns,
 * and copying the {@code .proto} files out of dependency jars (and protobuf-java's well-known types)
 * so protoc can import them.
 */
package dev.protodec.codegen.sources;
