package dev.protodec.doh.server;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/** How the front speaks TLS: a self-signed certificate made at start-up, a certificate and key, or not at all. */
public final class TlsSettings {

  /** Where the certificate comes from, or that there is none. */
  public enum Mode {
    /** A certificate for {@code localhost} generated at start-up (for tests and trials). */
    SELF_SIGNED,
    /** A PEM certificate chain and a PEM PKCS#8 private key from files. */
    FILES,
    /** Cleartext HTTP/1.1 and h2c, for use behind a TLS-terminating proxy. */
    OFF
  }

  private final Mode mode;
  private final Path certificateChain;
  private final Path privateKey;
  private final boolean allowTls12;

  private TlsSettings(Mode mode, Path certificateChain, Path privateKey, boolean allowTls12) {
    this.mode = mode;
    this.certificateChain = certificateChain;
    this.privateKey = privateKey;
    this.allowTls12 = allowTls12;
  }

  public static TlsSettings selfSigned() {
    return new TlsSettings(Mode.SELF_SIGNED, null, null, false);
  }

  public static TlsSettings files(Path certificateChain, Path privateKey) {
    return new TlsSettings(
        Mode.FILES, Objects.requireNonNull(certificateChain), Objects.requireNonNull(privateKey), false);
  }

  public static TlsSettings off() {
    return new TlsSettings(Mode.OFF, null, null, false);
  }

  /** The same settings, also accepting TLS 1.2 (TLS 1.3 only otherwise). */
  public TlsSettings withTls12(boolean allow) {
    return new TlsSettings(mode, certificateChain, privateKey, allow);
  }

  public Mode mode() {
    return mode;
  }

  public boolean enabled() {
    return mode != Mode.OFF;
  }

  public Optional<Path> certificateChain() {
    return Optional.ofNullable(certificateChain);
  }

  public Optional<Path> privateKey() {
    return Optional.ofNullable(privateKey);
  }

  public boolean allowTls12() {
    return allowTls12;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TlsSettings
        && ((TlsSettings) o).mode == mode
        && Objects.equals(((TlsSettings) o).certificateChain, certificateChain)
        && Objects.equals(((TlsSettings) o).privateKey, privateKey)
        && ((TlsSettings) o).allowTls12 == allowTls12;
  }

  @Override
  public int hashCode() {
    return Objects.hash(mode, certificateChain, privateKey, allowTls12);
  }

  @Override
  public String toString() {
    switch (mode) {
      case FILES:
        return "tls(" + certificateChain + ", " + privateKey + (allowTls12 ? ", 1.2+" : ", 1.3") + ")";
      case SELF_SIGNED:
        return "tls(self-signed" + (allowTls12 ? ", 1.2+" : ", 1.3") + ")";
      default:
        return "cleartext";
    }
  }
}
