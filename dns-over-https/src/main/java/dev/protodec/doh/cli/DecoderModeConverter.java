package dev.protodec.doh.cli;

import dev.protodec.doh.resolver.DecoderMode;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** {@code --decoder generated-zero-copy} and the other {@link DecoderMode} names. */
final class DecoderModeConverter implements ITypeConverter<DecoderMode> {
  @Override
  public DecoderMode convert(String value) {
    try {
      return DecoderMode.parse(value);
    } catch (IllegalArgumentException e) {
      throw new TypeConversionException(e.getMessage());
    }
  }
}
