package dev.protodec.doh.cli;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SIGTERM and SIGINT end {@code serve} through its normal path (drain, exit 0) rather than the JVM's
 * default (shutdown hooks, exit 143). Uses {@code sun.misc.Signal} where present; {@code serve} also
 * installs a shutdown hook that drains, for when the handler is not in effect.
 */
final class Signals {

  private static final Logger LOG = LoggerFactory.getLogger(Signals.class);

  private Signals() {}

  /** SIGHUP runs {@code reload} on the signal thread (zone and upstream list; nothing is dropped). */
  static void onHangUp(Runnable reload) {
    try {
      sun.misc.SignalHandler before = sun.misc.Signal.handle(new sun.misc.Signal("HUP"), signal -> reload.run());
      if (before == sun.misc.SignalHandler.SIG_IGN) {
        // the JVM keeps a SIGHUP that was ignored when it started (nohup does that) ignored
        LOG.warn("SIGHUP was ignored when this process started (nohup?); it will not reload: restart instead");
      }
    } catch (LinkageError | IllegalArgumentException unavailable) {
      LOG.warn("SIGHUP cannot be handled here ({}); reloading needs a restart", unavailable.toString());
    }
  }

  static void onTerminate(Runnable stop) {
    try {
      for (String name : new String[] {"TERM", "INT"}) {
        sun.misc.Signal.handle(new sun.misc.Signal(name), signal -> stop.run());
      }
    } catch (LinkageError | IllegalArgumentException unavailable) {
      LOG.debug("no signal handler ({}); the shutdown hook drains", unavailable.toString());
    }
  }
}
