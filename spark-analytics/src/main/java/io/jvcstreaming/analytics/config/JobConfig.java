package io.jvcstreaming.analytics.config;

import io.jvcstreaming.config.Durations;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * The whole configuration of one analytics run, validated in the compact constructor.
 *
 * <p>Built by {@link JobConfigLoader} from CLI flags and environment variables (the flag wins), each with
 * a documented default (see {@link JobSetting}). Deliberately NOT Serializable: it lives on the driver only, so it
 * can never be captured in the checkpointed DStream graph (where a changed option would be silently ignored on
 * recovery and the token written in plain text); the graph's functions read what they need at each batch from
 * {@code report.RunSettings}. {@link #toString()} masks the stream token.
 *
 * @param job             which job(s) to run
 * @param sourceHost      scraper stream host
 * @param sourcePort      scraper stream port, 1..65535
 * @param streamToken     sent as {@code AUTH <token>} when not null; never logged
 * @param batchMillis     batch interval, 100 ms .. 1 h
 * @param checkpointDir   checkpoint directory (local path or Hadoop URI: hdfs://, s3a://, file://)
 * @param top             rows per table, 1 .. 1 000 000
 * @param windowMillis    trending window, a multiple of the batch interval, at most 24 h
 * @param emit            table (human) or json (one object per batch and job)
 * @param pseudos         lower-cased pseudos for the {@code pseudo} job
 * @param minWordLength   minimum letters per counted word, 1 .. 100
 * @param stopWords       lower-cased stop words (empty: none)
 * @param stopWordsSource where the stop words came from ("none", "builtin" or a path), for the startup log
 * @param publishUrl      when not null, each report is also POSTed there as JSON
 * @param writeAheadLog   enable Spark's receiver write-ahead log (exact recovery of received blocks)
 * @param stateIdleTimeoutMillis a key unseen for this long leaves the all-time counts (unless in the top), 1 s .. 10 years
 * @param metricsPort     0: Spark's default for the driver UI; else the UI (and {@code /metrics/prometheus}) on
 *                        this port, 1..65535
 */
public record JobConfig(JobName job, String sourceHost, int sourcePort, String streamToken, long batchMillis,
                        String checkpointDir, int top, long windowMillis, Emit emit, Set<String> pseudos,
                        int minWordLength, Set<String> stopWords, String stopWordsSource, URI publishUrl,
                        boolean writeAheadLog, long stateIdleTimeoutMillis, int metricsPort) {

  /** The configuration with Spark's default for the driver UI (no {@code --metrics-port}). */
  public JobConfig(JobName job, String sourceHost, int sourcePort, String streamToken, long batchMillis,
                   String checkpointDir, int top, long windowMillis, Emit emit, Set<String> pseudos,
                   int minWordLength, Set<String> stopWords, String stopWordsSource, URI publishUrl,
                   boolean writeAheadLog, long stateIdleTimeoutMillis) {
    this(job, sourceHost, sourcePort, streamToken, batchMillis, checkpointDir, top, windowMillis, emit, pseudos,
        minWordLength, stopWords, stopWordsSource, publishUrl, writeAheadLog, stateIdleTimeoutMillis, 0);
  }

  /** The configuration with the default state idle timeout (tests and callers that do not care). */
  public JobConfig(JobName job, String sourceHost, int sourcePort, String streamToken, long batchMillis,
                   String checkpointDir, int top, long windowMillis, Emit emit, Set<String> pseudos,
                   int minWordLength, Set<String> stopWords, String stopWordsSource, URI publishUrl,
                   boolean writeAheadLog) {
    this(job, sourceHost, sourcePort, streamToken, batchMillis, checkpointDir, top, windowMillis, emit, pseudos,
        minWordLength, stopWords, stopWordsSource, publishUrl, writeAheadLog,
        Durations.parse(JobSetting.STATE_IDLE_TIMEOUT.spec().defaultValue()).toMillis());
  }

  /** The jobs the launcher knows, by their {@code --job} name. */
  public enum JobName {
    STICKERS, AUTHORS, WORDS, PSEUDO, TOPICS, ALL;

    public String cliName() {
      return name().toLowerCase(Locale.ROOT);
    }

    public static JobName parse(String value) {
      for (JobName n : values()) {
        if (n.cliName().equals(value.strip().toLowerCase(Locale.ROOT))) {
          return n;
        }
      }
      throw JobSetting.JOB.invalid("one of " + List.of("stickers", "authors", "words", "pseudo", "topics", "all"),
          value);
    }
  }

  /** Output format of the per-batch reports. */
  public enum Emit {
    TABLE, JSON;

    public static Emit parse(String value) {
      return switch (value.strip().toLowerCase(Locale.ROOT)) {
        case "table" -> TABLE;
        case "json" -> JSON;
        default -> throw JobSetting.EMIT.invalid("table or json", value);
      };
    }
  }

  public JobConfig {
    Objects.requireNonNull(job, "job");
    Objects.requireNonNull(emit, "emit");
    if (sourceHost == null || sourceHost.isBlank()) {
      throw JobSetting.SOURCE.invalid("host:port with a host", sourceHost);
    }
    if (sourcePort < 1 || sourcePort > 65_535) {
      throw JobSetting.SOURCE.invalid("host:port with a port in 1..65535", sourceHost + ":" + sourcePort);
    }
    if (streamToken != null && streamToken.isBlank()) {
      streamToken = null;
    }
    if (batchMillis < 100 || batchMillis > 3_600_000) {
      throw JobSetting.BATCH.invalid("a duration in 100ms..1h", batchMillis + "ms");
    }
    if (checkpointDir == null || checkpointDir.isBlank()) {
      throw JobSetting.CHECKPOINT_DIR.invalid("a directory path or Hadoop URI", checkpointDir);
    }
    if (top < 1 || top > 1_000_000) {
      throw JobSetting.TOP.invalid("an integer in 1..1000000", top);
    }
    if (windowMillis < batchMillis || windowMillis > 86_400_000L) {
      throw JobSetting.WINDOW.invalid("a duration in [the batch interval (" + batchMillis + "ms), 24h]",
          windowMillis + "ms");
    }
    if (windowMillis % batchMillis != 0) {
      throw JobSetting.WINDOW.invalid("a multiple of the batch interval (" + batchMillis + "ms)",
          windowMillis + "ms");
    }
    pseudos = pseudos == null ? Set.of() : Set.copyOf(pseudos.stream()
        .map(p -> p.strip().toLowerCase(Locale.ROOT)).filter(p -> !p.isEmpty()).toList());
    if (job == JobName.PSEUDO && pseudos.isEmpty()) {
      throw JobSetting.PSEUDO.invalid("at least one pseudo for the pseudo job (a,b)", "");
    }
    if (minWordLength < 1 || minWordLength > 100) {
      throw JobSetting.MIN_WORD_LENGTH.invalid("an integer in 1..100", minWordLength);
    }
    stopWords = stopWords == null ? Set.of() : Set.copyOf(stopWords);
    stopWordsSource = stopWordsSource == null ? "none" : stopWordsSource;
    if (stateIdleTimeoutMillis < 1_000 || stateIdleTimeoutMillis > 3650L * 86_400_000L) {
      throw JobSetting.STATE_IDLE_TIMEOUT.invalid("a duration in 1s..3650d", stateIdleTimeoutMillis + "ms");
    }
    if (metricsPort < 0 || metricsPort > 65_535) {
      throw new IllegalArgumentException("metrics-port: must be off or in 1..65535, got " + metricsPort);
    }
    if (publishUrl != null) {
      String scheme = publishUrl.getScheme();
      if (!"http".equalsIgnoreCase(scheme) && !"https".equalsIgnoreCase(scheme) || publishUrl.getHost() == null) {
        throw JobSetting.PUBLISH_URL.invalid("an absolute http(s) URL", publishUrl);
      }
    }
  }

  /** The effective settings for the startup log, the token masked. */
  @Override
  public String toString() {
    return "JobConfig{job=" + job.cliName() + ", source=" + sourceHost + ":" + sourcePort
        + ", streamToken=" + (streamToken == null ? "(none)" : "****")
        + ", batch=" + batchMillis + "ms, checkpointDir=" + checkpointDir + ", top=" + top
        + ", window=" + windowMillis + "ms, emit=" + emit.name().toLowerCase(Locale.ROOT)
        + ", pseudos=" + pseudos + ", minWordLength=" + minWordLength
        + ", stopWords=" + stopWordsSource + " (" + stopWords.size() + ")"
        + ", publishUrl=" + (publishUrl == null ? "(none)" : publishUrl)
        + ", writeAheadLog=" + writeAheadLog + ", stateIdleTimeout=" + stateIdleTimeoutMillis + "ms"
        + ", metricsPort=" + (metricsPort == 0 ? "off" : Integer.toString(metricsPort)) + "}";
  }
}
