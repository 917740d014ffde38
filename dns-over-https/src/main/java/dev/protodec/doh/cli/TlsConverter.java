package dev.protodec.doh.cli;

import dev.protodec.doh.server.TlsSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** {@code self-signed}, {@code off}, or {@code CERT,KEY} (PEM files that must exist). */
final class TlsConverter implements ITypeConverter<TlsSettings> {

  @Override
  public TlsSettings convert(String value) {
    if (value.equalsIgnoreCase("self-signed")) {
      return TlsSettings.selfSigned();
    }
    if (value.equalsIgnoreCase("off")) {
      return TlsSettings.off();
    }
    int comma = value.indexOf(',');
    if (comma <= 0 || comma == value.length() - 1 || value.indexOf(',', comma + 1) >= 0) {
      throw new TypeConversionException("'" + value + "' is not self-signed, off or CERT,KEY");
    }
    Path certificate = Path.of(value.substring(0, comma));
    Path key = Path.of(value.substring(comma + 1));
    for (Path file : new Path[] {certificate, key}) {
      if (!Files.isReadable(file)) {
        throw new TypeConversionException("cannot read " + file);
      }
    }
    return TlsSettings.files(certificate, key);
  }
}
