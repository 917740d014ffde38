/**
 * The HTTP front: a Netty server that maps RFC 8484 (DNS wire over HTTP) and the JSON API onto a
 * {@link dev.protodec.doh.resolver.Resolver}. HTTP/2 (ALPN {@code h2}) and HTTP/1.1 over TLS on one
 * port, or cleartext HTTP/1.1 and h2c; limits against slow and abusive clients; every outcome counted.
 *
 * <p>Start with {@link dev.protodec.doh.server.DohServer} and {@link
 * dev.protodec.doh.server.DohServerConfig}. {@code DohInitializer} builds one pipeline per variant
 * (TLS with ALPN, cleartext, HTTP/1.1, HTTP/2); {@code DohRouter} is the protocol-neutral request
 * path both HTTP versions share.
 *
 * <h2>Limits, and why each</h2>
 *
 * Netty 4.2.18 (at or past the fixes for rapid reset, 4.1.100; MadeYouReset, CVE-2025-55163; the
 * zero-byte CONTINUATION bypass, 4.2.11) is the first line. Every one of its HTTP/2 limits is set
 * explicitly in {@code DohInitializer.newHttp2Codec()}, so that an upgrade changing a default cannot
 * loosen one unseen:
 *
 * <ul>
 *   <li>SETTINGS_MAX_CONCURRENT_STREAMS {@link dev.protodec.doh.server.DohServerConfig#maxConcurrentStreams()}
 *       (100, as Unbound): streams past it are refused with RST_STREAM(REFUSED_STREAM).
 *   <li>SETTINGS_MAX_HEADER_LIST_SIZE {@link dev.protodec.doh.server.DohServerConfig#maxHeaderListSize()}
 *       (8 KiB): a larger decoded list gets 431; an encoded block past 1.25 times it is a connection error
 *       (Netty), so endless CONTINUATION frames carrying bytes end at about 10 KB.
 *   <li>{@code decoderEnforceMaxRstFramesPerWindow} (200 per 30 s, {@code --max-rst}/{@code --rst-window}):
 *       rapid reset (CVE-2023-44487) gets GOAWAY(ENHANCE_YOUR_CALM).
 *   <li>the resets the server itself writes because of a client (MadeYouReset, CVE-2025-8671: DATA on a
 *       half-closed stream, a WINDOW_UPDATE overflowing a stream window, streams refused past
 *       MAX_CONCURRENT_STREAMS) are bounded by {@code MeteredHttp2FrameCodec}, which counts every stream
 *       error a client causes against a budget of the same size and then answers GOAWAY(ENHANCE_YOUR_CALM).
 *       Not Netty's {@code encoderEnforceMaxRstFramesPerWindow}: it closes the channel right after
 *       writing its GOAWAY, which then often never reaches the client (seen in {@code Http2AbuseTest}),
 *       and refused streams are reset through the bare frame writer, past it. {@code
 *       MeteredHttp2FrameCodec} also disconnects a client after 8 header lists over the limit (an HPACK
 *       bomb: one 4 KB entry in the dynamic table referenced thousands of times; Netty stops
 *       materialising it at the limit, so it costs no memory, but would otherwise answer 431 forever).
 *   <li>{@code decoderEnforceMaxSmallContinuationFrames} (16): CONTINUATION frames under 16 bytes in a
 *       row, zero-length ones included (CVE-2026-33871).
 *   <li>{@code decoderEnforceMaxConsecutiveEmptyDataFrames} (2): DATA frames without payload or
 *       END_STREAM (CVE-2019-9518).
 *   <li>{@code encoderEnforceMaxQueuedControlFrames} (1,000, Netty's default is 10,000): SETTINGS and PING
 *       ACKs and RST_STREAM queued for a client that does not read them (CVE-2019-9512, -9515).
 *   <li>{@code ControlFrameBudget}, ours, hooked in as the codec's frame logger: at most {@link
 *       dev.protodec.doh.server.DohServerConfig#maxControlFramesPerSecond()} (500) SETTINGS, PING,
 *       PRIORITY, WINDOW_UPDATE and unknown frames a second from a client that <em>does</em> read its
 *       ACKs, which no Netty limit bounds.
 *   <li>SETTINGS_INITIAL_WINDOW_SIZE 65,535 (one whole DNS message); each POST body's bytes are handed
 *       back to flow control as they arrive, bodies are capped at 65,535 bytes (413), and a body buffer
 *       starts at 1 KiB whatever the declared length (100 streams declaring 64 KiB would otherwise hold
 *       6.5 MB before a byte came).
 *   <li>{@code Http2FrameHandler}'s sweep, ours: a POST body not ended within the header-read timeout
 *       is reset (RST_STREAM CANCEL); a connection whose answers have waited for flow-control window
 *       for the whole header-read timeout (a client that never opens its window) has its streams reset
 *       and is closed.
 *   <li>{@code WRITE_BUFFER_WATER_MARK} 32/64 KiB per connection; the idle timeout (30 s), the
 *       header-read timeout (10 s: TLS handshake and first request over both versions, every request
 *       and its body over HTTP/1.1; Slowloris) and the connection limit (1,024, closed on accept).
 * </ul>
 *
 * Each is exercised, with a legitimate client at a fixed rate beside it, by {@code
 * AttacksUnderLoadTest}; the figures land in {@code target/reliability/reliability.md}. The counter
 * {@code doh_http_abuse_total{reason}} counts what our own limits did.
 *
 * <h2>Restart without dropping a request</h2>
 *
 * With {@link dev.protodec.doh.server.DohServerConfig#reusePort()} ({@code serve --reuse-port}) the
 * listening socket is bound with {@code SO_REUSEPORT} (epoll): a new instance binds the same address
 * while the old one still listens, then the old one is closed (SIGTERM for {@code serve}): it stops
 * accepting, sends GOAWAY on HTTP/2 and closes HTTP/1.1 connections once their answers are written,
 * waits for requests in flight (the drain timeout) and exits. Clients reconnect to the new instance.
 */
package dev.protodec.doh.server;
