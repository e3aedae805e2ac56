package io.jvcstreaming.analytics;

import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.spark.streaming.api.java.JavaStreamingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;

/**
 * SIGTERM and SIGINT (Ctrl-C) stop the streaming context gracefully, outside the JVM's shutdown: the received
 * posts are processed (at most {@code spark.streaming.gracefulStopTimeout}), {@code awaitTermination} returns and
 * the launcher exits with 0. Why not a shutdown hook: a stop inside the shutdown sequence runs next to Spark's and
 * Hadoop's hooks (Hadoop gives them 30 s, then gives up) and {@code System.exit} may not be called there. A second
 * signal while stopping exits at once.
 */
final class StopOnSignal {

  private static final Logger LOG = LoggerFactory.getLogger(StopOnSignal.class);

  private final JavaStreamingContext ssc;
  private final AtomicBoolean stopping = new AtomicBoolean();

  private StopOnSignal(JavaStreamingContext ssc) {
    this.ssc = ssc;
  }

  static StopOnSignal install(JavaStreamingContext ssc) {
    StopOnSignal stop = new StopOnSignal(ssc);
    for (String name : new String[] {"TERM", "INT"}) {
      try {
        Signal.handle(new Signal(name), stop::onSignal);
      } catch (IllegalArgumentException e) {
        LOG.warn("cannot handle SIG{} ({}); it will end the JVM without a graceful stop", name, e.getMessage());
      }
    }
    return stop;
  }

  private void onSignal(Signal signal) {
    if (!stopping.compareAndSet(false, true)) {
      LOG.warn("SIG{} again while stopping: exiting now", signal.getName());
      Runtime.getRuntime().halt(1);
      return;
    }
    LOG.info("SIG{}: stopping gracefully (processing what was received)", signal.getName());
    // signal handlers must return quickly: the stop runs on its own thread; main's awaitTermination then returns
    Thread t = new Thread(() -> ssc.stop(true, true), "graceful-stop");
    t.setDaemon(true);
    t.start();
  }
}
