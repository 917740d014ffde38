/**
 * The pipeline head-to-head: wire DNS queries through the DoH resolver's real request path ({@code
 * DefaultResolver}, the one the server runs, minus sockets), once per cache decoder ({@code generated},
 * {@code reflectiveDynamicMessage}, and {@code wire} as the no-decode ceiling). One question per class:
 * {@link dev.protodec.jmh.pipeline.PipelineCacheHit} (cache hits), {@link
 * dev.protodec.jmh.pipeline.PipelineMix} (nine hits to one miss answered by an in-process upstream),
 * {@link dev.protodec.jmh.pipeline.PipelineGrpc} (the gRPC {@code Resolve} call, in process, with
 * protodec's or protobuf-java's client messages and marshaller).
 * Queries come from the DNS corpus with a Zipf popularity skew ({@link
 * dev.protodec.jmh.pipeline.PipelineWorkload}); the upstream replays the corpus responses over loopback
 * ({@link dev.protodec.jmh.pipeline.CorpusUpstream}); nothing is timed before {@link
 * dev.protodec.jmh.pipeline.AnswerCrossCheck} has found every decoder's answers equal, ID and TTLs aside.
 */
package dev.protodec.jmh.pipeline;
