package dev.protodec.doh.server;

import io.netty.handler.codec.http2.Http2SecurityUtil;
import io.netty.handler.ssl.ApplicationProtocolConfig;
import io.netty.handler.ssl.ApplicationProtocolConfig.Protocol;
import io.netty.handler.ssl.ApplicationProtocolConfig.SelectedListenerFailureBehavior;
import io.netty.handler.ssl.ApplicationProtocolConfig.SelectorFailureBehavior;
import io.netty.handler.ssl.ApplicationProtocolNames;
import io.netty.handler.ssl.OpenSsl;
import io.netty.handler.ssl.OpenSslContextOption;
import io.netty.handler.ssl.OpenSslSessionContext;
import io.netty.handler.ssl.OpenSslSessionTicketKey;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import io.netty.handler.ssl.SupportedCipherSuiteFilter;
import io.netty.handler.ssl.util.SelfSignedCertificate;
import java.security.SecureRandom;
import java.security.cert.CertificateException;
import javax.net.ssl.SSLException;

/**
 * The server's TLS: BoringSSL (netty-tcnative) when it loads, else the JDK's; TLS 1.3 only unless
 * 1.2 is allowed; ALPN {@code h2} then {@code http/1.1}; X25519 first; session resumption through a
 * session cache and (BoringSSL) tickets under a key made at start-up.
 */
final class SslContexts {

  /** Key-exchange groups in order of preference (BoringSSL names). */
  private static final String[] GROUPS = {"X25519", "P-256", "P-384"};

  private static final int SESSION_CACHE_SIZE = 20_480;
  private static final int SESSION_TIMEOUT_SECONDS = 3600;

  private SslContexts() {}

  /** Whether BoringSSL is in use (else the JDK provider). */
  static boolean boringSsl() {
    return OpenSsl.isAvailable();
  }

  static SslContext forServer(TlsSettings tls) throws SSLException, CertificateException {
    SslContextBuilder builder = keyMaterial(tls);
    SslProvider provider = boringSsl() ? SslProvider.OPENSSL : SslProvider.JDK;
    builder
        .sslProvider(provider)
        .protocols(tls.allowTls12() ? new String[] {"TLSv1.3", "TLSv1.2"} : new String[] {"TLSv1.3"})
        .ciphers(Http2SecurityUtil.CIPHERS, SupportedCipherSuiteFilter.INSTANCE)
        .sessionCacheSize(SESSION_CACHE_SIZE)
        .sessionTimeout(SESSION_TIMEOUT_SECONDS)
        .applicationProtocolConfig(
            new ApplicationProtocolConfig(
                Protocol.ALPN,
                SelectorFailureBehavior.NO_ADVERTISE,
                SelectedListenerFailureBehavior.ACCEPT,
                ApplicationProtocolNames.HTTP_2,
                ApplicationProtocolNames.HTTP_1_1));
    if (provider == SslProvider.OPENSSL) {
      builder.option(OpenSslContextOption.GROUPS, GROUPS);
    }
    // The JDK provider's default named groups already start with x25519 (JDK 17 and later).
    SslContext context = builder.build();
    if (context.sessionContext() instanceof OpenSslSessionContext) {
      ((OpenSslSessionContext) context.sessionContext()).setTicketKeys(newTicketKey());
    }
    return context;
  }

  private static SslContextBuilder keyMaterial(TlsSettings tls) throws CertificateException {
    if (tls.mode() == TlsSettings.Mode.FILES) {
      return SslContextBuilder.forServer(
          tls.certificateChain().orElseThrow().toFile(), tls.privateKey().orElseThrow().toFile());
    }
    SelfSignedCertificate certificate = selfSigned();
    return SslContextBuilder.forServer(certificate.key(), certificate.cert());
  }

  /**
   * A certificate for {@code localhost}, made in memory. Netty deprecates {@code
   * SelfSignedCertificate} for production use, which this is not: it is the {@code --tls
   * self-signed} mode for tests and trials (checked to work on JDK 17 and 25).
   */
  @SuppressWarnings("deprecation")
  private static SelfSignedCertificate selfSigned() throws CertificateException {
    return new SelfSignedCertificate("localhost");
  }

  private static OpenSslSessionTicketKey newTicketKey() {
    SecureRandom random = new SecureRandom();
    byte[] name = new byte[OpenSslSessionTicketKey.NAME_SIZE];
    byte[] hmac = new byte[OpenSslSessionTicketKey.HMAC_KEY_SIZE];
    byte[] aes = new byte[OpenSslSessionTicketKey.AES_KEY_SIZE];
    random.nextBytes(name);
    random.nextBytes(hmac);
    random.nextBytes(aes);
    return new OpenSslSessionTicketKey(name, hmac, aes);
  }
}
