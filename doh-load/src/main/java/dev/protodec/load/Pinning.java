package dev.protodec.load;

import java.io.File;

/** Whether {@code taskset} can pin processes here, and the CPUs the server and the load get. */
final class Pinning {
  static final String SERVER_CPU = "0";
  static final String CLIENT_CPU = "1";

  private Pinning() {}

  static boolean available() {
    if (onlineCpus() < 2) {
      return false;
    }
    for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(File.pathSeparator)) {
      if (new File(dir, "taskset").canExecute()) {
        return true;
      }
    }
    return false;
  }

  /**
   * The machine's online CPUs, not this JVM's share: bin/load pins the load generator's JVM to CPU 1, so
   * {@code availableProcessors()} says 1 here while the server can still be pinned to CPU 0.
   */
  static int onlineCpus() {
    try {
      String online = java.nio.file.Files.readString(java.nio.file.Path.of("/sys/devices/system/cpu/online")).trim();
      int count = 0;
      for (String range : online.split(",")) {
        String[] ends = range.split("-");
        count += ends.length == 1 ? 1 : Integer.parseInt(ends[1]) - Integer.parseInt(ends[0]) + 1;
      }
      return count;
    } catch (java.io.IOException | RuntimeException e) {
      return Runtime.getRuntime().availableProcessors();
    }
  }

  /** Where {@code tool} is on the PATH, or null. */
  static String which(String tool) {
    for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(File.pathSeparator)) {
      File f = new File(dir, tool);
      if (f.canExecute()) {
        return f.getPath();
      }
    }
    for (String dir : new String[] {"/usr/sbin", "/sbin", "/usr/bin"}) {
      File f = new File(dir, tool);
      if (f.canExecute()) {
        return f.getPath();
      }
    }
    return null;
  }

  static String note() {
    return available()
        ? "server pinned to CPU " + SERVER_CPU + " (taskset -c " + SERVER_CPU + "), load generator to CPU "
            + CLIENT_CPU + "; the machine has " + onlineCpus() + " CPUs"
        : "not pinned: taskset is missing or the machine has one CPU, so server and load share the CPUs";
  }
}
