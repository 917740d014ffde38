package dev.protodec.load;

import java.io.File;

/** Whether {@code taskset} can pin processes here, and the CPUs the server and the load get. */
final class Pinning {
  static final String SERVER_CPU = "0";
  static final String CLIENT_CPU = "1";

  private Pinning() {}

  static boolean available() {
    if (Runtime.getRuntime().availableProcessors() < 2) {
      return false;
    }
    for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(File.pathSeparator)) {
      if (new File(dir, "taskset").canExecute()) {
        return true;
      }
    }
    return false;
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
            + CLIENT_CPU + "; the machine has " + Runtime.getRuntime().availableProcessors() + " CPUs"
        : "not pinned: taskset is missing or the machine has one CPU, so server and load share the CPUs";
  }
}
