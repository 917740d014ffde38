package dev.protodec.codegen.sources;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Enumeration;
import java.util.function.Predicate;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/** Copies {@code .proto} entries out of a jar into a directory protoc can use as an import root. */
public final class ProtoJarExtractor {
  private ProtoJarExtractor() {}

  /** Entries that are {@code .proto} files. */
  public static boolean isProto(String entryName) {
    return entryName.endsWith(".proto");
  }

  /**
   * Replaces {@code targetDir} with the entries of {@code jar} that {@code entryFilter} accepts,
   * keeping their paths. The directory is only created when at least one entry is copied.
   *
   * @return how many files were copied
   * @throws IOException also when an entry's name would escape {@code targetDir}
   */
  public static int extract(Path jar, Path targetDir, Predicate<String> entryFilter)
      throws IOException {
    FileTrees.deleteRecursively(targetDir);
    Path root = targetDir.toAbsolutePath().normalize();
    int copied = 0;
    try (ZipFile zip = new ZipFile(jar.toFile())) {
      Enumeration<? extends ZipEntry> entries = zip.entries();
      while (entries.hasMoreElements()) {
        ZipEntry entry = entries.nextElement();
        if (entry.isDirectory() || !entryFilter.test(entry.getName())) {
          continue;
        }
        Path target = root.resolve(entry.getName()).normalize();
        if (!target.startsWith(root)) {
          throw new IOException(jar + " has an entry outside its root: " + entry.getName());
        }
        Files.createDirectories(target.getParent());
        try (InputStream in = zip.getInputStream(entry)) {
          Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
        }
        copied++;
      }
    }
    return copied;
  }
}
