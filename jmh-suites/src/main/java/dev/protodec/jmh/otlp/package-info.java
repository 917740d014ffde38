/**
 * The OTLP traces head-to-head: a deterministic corpus of {@code TracesData} messages ({@link
 * dev.protodec.jmh.otlp.OtlpCorpus}), the light/deep reading contract ({@link
 * dev.protodec.jmh.otlp.TracesDataReader}) and one reader per library: protobuf-java (the reference,
 * from the opentelemetry-proto jar), {@code DynamicMessage} (descriptor set written by protodec's
 * plugin), protodec ({@code dev.protodec.jmh.otlp.fast}), QuickBuffers and Wire (generated here).
 */
package dev.protodec.jmh.otlp;
