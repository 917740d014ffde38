package dev.protodec.codegen.benchmark;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.stream.Collectors;

/**
 * The child project's POM: protodec's classes from the copied {@code .proto} files (each Java package
 * moved to its {@code .protodec} sub-package, beside protoc's java_out), the JMH annotation processor,
 * and the harness, all at this plugin's version; the class path written for the benchmark run.
 */
final class ChildPom {
  private static final Properties VERSIONS = versions();

  private ChildPom() {}

  static String write(String pluginVersion, List<String> javaPackages) {
    // longest first: the plugin maps a package by the first entry that equals it or is a prefix of it
    String replacePackages = javaPackages.stream()
        .sorted(Comparator.comparingInt(String::length).reversed())
        .map(p -> p + "=" + JavaNames.protodecPackage(p))
        .collect(Collectors.joining(","));
    return Templates.read("child-pom.xml")
        .replace("%PLUGIN%", pluginVersion)
        .replace("%PROTOBUF%", VERSIONS.getProperty("protobuf.version"))
        .replace("%JMH%", VERSIONS.getProperty("jmh.version"))
        .replace("%RESOURCES%", VERSIONS.getProperty("resources.plugin.version"))
        .replace("%COMPILER%", VERSIONS.getProperty("compiler.plugin.version"))
        .replace("%DEPENDENCY%", VERSIONS.getProperty("dependency.plugin.version"))
        .replace("%REPLACE%", replacePackages);
  }

  private static Properties versions() {
    Properties properties = new Properties();
    try (InputStream in = ChildPom.class.getResourceAsStream("versions.properties")) {
      properties.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return properties;
  }
}
