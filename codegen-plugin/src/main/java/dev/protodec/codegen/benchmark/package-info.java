/**
 * {@code mvn protodec:benchmark}: the schema probe (protoc's descriptor set and protobuf-java classes for
 * the user's files and their imports), the generated walks and JMH classes, the child Maven project that
 * builds them with the protodec plugin, and running it. The run-time side (corpus, cross-check, JMH,
 * report) is {@code protodec-benchmark-harness}, which this package only names in the child's POM.
 */
package dev.protodec.codegen.benchmark;
