package dev.protodec.codegen.sources;

import com.google.protobuf.Timestamp;
import java.io.IOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * protobuf-java's {@code google/protobuf/*.proto} (timestamp, duration, any, descriptor, ...), taken
 * from the protobuf-java jar on the plugin's own class path.
 *
 * <p>protoc's Maven artifact is a bare binary without its include directory, so without these a
 * project could only import the well-known types when protobuf-java happens to be a dependency.
 */
public final class WellKnownTypes {
  private static final String PREFIX = "google/protobuf/";

  private WellKnownTypes() {}

  /**
   * Replaces {@code targetDir} with the well-known types, below {@code google/protobuf/}.
   *
   * @return how many files were copied
   */
  public static int extract(Path targetDir) throws IOException {
    return ProtoJarExtractor.extract(protobufJavaJar(), targetDir, WellKnownTypes::isWellKnownType);
  }

  /**
   * The well-known types below {@code dir} (as {@link #extract} left it), as they are imported:
   * {@code google/protobuf/any.proto}, ..., sorted.
   */
  public static List<String> list(Path dir) throws IOException {
    Path directory = dir.resolve(PREFIX);
    if (!Files.isDirectory(directory)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(directory)) {
      return files.map(file -> PREFIX + file.getFileName())
          .filter(WellKnownTypes::isWellKnownType)
          .sorted()
          .toList();
    }
  }

  static boolean isWellKnownType(String entryName) {
    return entryName.startsWith(PREFIX)
        && entryName.indexOf('/', PREFIX.length()) < 0
        && ProtoJarExtractor.isProto(entryName);
  }

  private static Path protobufJavaJar() throws IOException {
    String probe = PREFIX + "timestamp.proto";
    URL url = Timestamp.class.getClassLoader().getResource(probe);
    if (url == null || !"jar".equals(url.getProtocol())) {
      throw new IOException("protobuf-java's " + probe + " is not in a jar on the plugin's class path: " + url);
    }
    try {
      return Path.of(((JarURLConnection) url.openConnection()).getJarFileURL().toURI());
    } catch (URISyntaxException e) {
      throw new IOException("cannot locate the protobuf-java jar from " + url, e);
    }
  }
}
