package io.jvcstreaming.analytics;

import io.jvcstreaming.analytics.receive.LeftoverBlocks;
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
 * signal while stopping exits at once. After the context's stop, {@link #stopGracefully} hands the blocks Spark's
 * stop could not give to a batch back to their stream ({@link LeftoverBlocks});
 * the launcher waits for that ({@link #awaitStopped}) before it exits.
 */
final class StopOnSignal {

  private static final Logger LOG = LoggerFactory.getLogger(StopOnSignal.class);

  private final JavaStreamingContext ssc;
  private final AtomicBoolean stopping = new AtomicBoolean();
  private volatile Thread stopper;

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
    Thread t = new Thread(() -> stopGracefully(ssc), "graceful-stop");
    t.setDaemon(true);
    stopper = t;
    t.start();
  }

  /**
   * The product's graceful stop: the streaming context, processing what was received (at most
   * {@code spark.streaming.gracefulStopTimeout}); then the posts of the blocks left for the next start are handed
   * back to the stream ({@link LeftoverBlocks}) instead of being lost; then the SparkContext.
   */
  static void stopGracefully(JavaStreamingContext ssc) {
    try {
      ssc.stop(false, true);
      // before the SparkContext stops: the bookmarks' file system is reached with its spark.hadoop.* settings
      LeftoverBlocks.handBack(ssc.ssc());
    } finally {
      ssc.sparkContext().stop();
    }
  }

  /** Called once the context has stopped: waits (bounded) for the stop thread to finish what follows the stop. */
  void awaitStopped(long millis) throws InterruptedException {
    Thread t = stopper;
    if (t != null) {
      t.join(millis);
    }
  }
}
