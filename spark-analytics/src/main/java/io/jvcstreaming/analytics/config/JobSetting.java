package io.jvcstreaming.analytics.config;

import io.jvcstreaming.config.Key;
import io.jvcstreaming.config.Spec;

/**
 * Every setting of an analytics run: flag, variable, default and why, in one place; {@code --help}, the start-up
 * log and the README table check come from here. "Fixed by the checkpoint" settings shape the saved counts: a
 * later start with another value is refused (see {@code checkpoint.StartOptions}).
 */
public enum JobSetting implements Key {
  JOB(Spec.of("--job", "JVC_JOB", null,
      "required: stickers, authors, words, pseudo, topics or all (fixed by the checkpoint)")),
  /** The scraper's stream port on the same machine (the one-machine run). */
  SOURCE(Spec.of("--source", "SCRAPER_ADDR", "127.0.0.1:6667",
      "the scraper's stream, host:port (read at every start)")),
  STREAM_TOKEN(Spec.of(null, "STREAM_TOKEN", null, "sent as AUTH <token> when set; never logged (read at every start)")
      .secret()),
  /** Short enough to feel live in {@code kubectl logs}, long enough for a 2-core box to keep up. */
  BATCH(Spec.of("--batch", "JVC_BATCH", "3s", "batch interval, 100ms..1h (fixed by the checkpoint)")),
  /** Per job, so two jobs started from the same directory never read each other's graph. */
  CHECKPOINT_DIR(Spec.of("--checkpoint-dir", "JVC_CHECKPOINT_DIR", "./checkpoints/<job>",
      "the checkpoint root, a path or a Hadoop URI (read at every start)")),
  /** Fits one screen. */
  TOP(Spec.of("--top", "JVC_TOP", "15", "rows per report, 1..1000000 (read at every start)")),
  /** "What is trending right now". */
  WINDOW(Spec.of("--window", "JVC_WINDOW", "10m",
      "trending window, a multiple of the batch, at most 24h (fixed by the checkpoint)")),
  EMIT(Spec.of("--emit", "JVC_EMIT", "table", "table or json on stdout (read at every start)")),
  PSEUDO(Spec.of("--pseudo", "JVC_PSEUDO", null, "pseudos followed, a,b (case-insensitive; read at every start)")),
  /** "Words of more than 5 letters". */
  MIN_WORD_LENGTH(Spec.of("--min-word-length", "JVC_MIN_WORD_LENGTH", "6",
      "letters per counted word, 1..100 (fixed by the checkpoint)")),
  /** Off by default; {@code builtin} loads the bundled French list. */
  STOP_WORDS(Spec.of("--stop-words", "JVC_STOP_WORDS", "none", "none, builtin or a file (fixed by the checkpoint)")),
  PUBLISH_URL(Spec.of("--publish-url", "JVC_PUBLISH_URL", null,
      "also POST each JSON report there, an http(s) URL (read at every start)")),
  /** Read by the report {@code Emitter} itself (never in the checkpoint); declared here for --help and the log. */
  RESULTS_TOKEN(Spec.of(null, "JVC_RESULTS_TOKEN", null,
      "sent as 'Authorization: Bearer <token>' with the --publish-url reports (read at every start)").secret()),
  /** Exact recovery of received blocks after a driver restart (costs one write per block). */
  WAL(Spec.of("--wal", "JVC_WAL", "true", "receiver write-ahead log, true or false (fixed by the checkpoint)")),
  /**
   * A key (author, word, sticker, topic, pseudo) not seen for this long leaves the all-time counts, unless it is
   * in the current top: bounds the state over months of running, where most words and authors are seen once.
   */
  STATE_IDLE_TIMEOUT(Spec.of("--state-idle-timeout", "JVC_STATE_IDLE_TIMEOUT", "30d",
      "a key unseen this long leaves the all-time counts unless it is in the top, 1s..3650d "
          + "(fixed by the checkpoint)")),
  /**
   * {@code off}: the driver UI (where Spark serves {@code /metrics/prometheus/}) follows Spark's own default, on
   * under a cluster master (port 4040), off in local mode, where nobody reaches it and its listeners cost CPU.
   * A Spark setting: a context recovered from a checkpoint keeps its checkpoint's UI settings (a WARN names them).
   */
  METRICS_PORT(Spec.of("--metrics-port", "JVC_METRICS_PORT", "off",
      "driver UI port serving /metrics/prometheus/, 1..65535, or off: Spark's default (4040 on a cluster, "
          + "off in local mode) (read at every fresh start)"));

  private final Spec spec;

  JobSetting(Spec spec) {
    this.spec = spec;
  }

  @Override
  public Spec spec() {
    return spec;
  }
}
