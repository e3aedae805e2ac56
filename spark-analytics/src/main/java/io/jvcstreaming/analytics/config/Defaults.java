package io.jvcstreaming.analytics.config;

/** Every setting's default, in one place, with the reason for it. */
public final class Defaults {

  /** The scraper's stream port on the same machine (the one-machine run). */
  public static final String SOURCE = "127.0.0.1:6667";
  /** Short enough to feel live in {@code kubectl logs}, long enough for a 2-core box to keep up. */
  public static final String BATCH = "3s";
  /** Per job, so two jobs started from the same directory never read each other's graph. */
  public static final String CHECKPOINT_DIR_PREFIX = "./checkpoints/";
  /** Fits one screen. */
  public static final int TOP = 15;
  /** "What is trending right now". */
  public static final String WINDOW = "10m";
  public static final String EMIT = "table";
  /** "Words of more than 5 letters". */
  public static final int MIN_WORD_LENGTH = 6;
  /** Off by default; {@code builtin} loads the bundled French list. */
  public static final String STOP_WORDS = "none";
  /**
   * A key (author, word, sticker, topic, pseudo) not seen for this long leaves the all-time counts, unless it is
   * in the current top: bounds the state over months of running, where most words and authors are seen once.
   */
  public static final String STATE_IDLE_TIMEOUT = "30d";
  /** Exact recovery of received blocks after a driver restart (costs one write per block). */
  public static final boolean WRITE_AHEAD_LOG = true;
  /**
   * {@code off}: the driver UI (where Spark serves {@code /metrics/prometheus}) follows Spark's own default, on
   * under a cluster master (port 4040), off in local mode, where nobody reaches it and its listeners cost CPU.
   */
  public static final String METRICS_PORT = "off";

  private Defaults() {
  }
}
