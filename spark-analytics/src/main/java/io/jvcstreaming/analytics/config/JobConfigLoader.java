package io.jvcstreaming.analytics.config;

import static io.jvcstreaming.analytics.config.JobSetting.BATCH;
import static io.jvcstreaming.analytics.config.JobSetting.CHECKPOINT_DIR;
import static io.jvcstreaming.analytics.config.JobSetting.EMIT;
import static io.jvcstreaming.analytics.config.JobSetting.JOB;
import static io.jvcstreaming.analytics.config.JobSetting.METRICS_PORT;
import static io.jvcstreaming.analytics.config.JobSetting.MIN_WORD_LENGTH;
import static io.jvcstreaming.analytics.config.JobSetting.PSEUDO;
import static io.jvcstreaming.analytics.config.JobSetting.PUBLISH_URL;
import static io.jvcstreaming.analytics.config.JobSetting.SOURCE;
import static io.jvcstreaming.analytics.config.JobSetting.STATE_IDLE_TIMEOUT;
import static io.jvcstreaming.analytics.config.JobSetting.STOP_WORDS;
import static io.jvcstreaming.analytics.config.JobSetting.STREAM_TOKEN;
import static io.jvcstreaming.analytics.config.JobSetting.TOP;
import static io.jvcstreaming.analytics.config.JobSetting.WAL;
import static io.jvcstreaming.analytics.config.JobSetting.WINDOW;

import io.jvcstreaming.config.Settings;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Builds a {@link JobConfig} from CLI flags ({@code --key value} or {@code --key=value}) and environment
 * variables; a flag wins over its variable, which wins over the default in {@link JobSetting}.
 *
 * <p>Every problem is an {@link IllegalArgumentException} whose message names the flag, the variable and the
 * allowed values; the launcher prints it with the usage and exits with code 2.
 */
public final class JobConfigLoader {

  public static final String BUILTIN_STOP_WORDS = "/io/jvcstreaming/analytics/stopwords-fr.txt";

  private JobConfigLoader() {
  }

  /** The {@code --help} text, from {@link JobSetting}. */
  public static String usage() {
    return Settings.help(JobSetting.class, """
        Usage: AnalyticsMain --job stickers|authors|words|pseudo|topics|all [options]
        "Read at every start" settings may change on a restart; "fixed by the checkpoint" ones are refused (exit 2)
        when they differ from the checkpoint's. The Spark master comes from spark-submit or -Dspark.master;
        without one, the launcher runs in local[2].""");
  }

  public static JobConfig load(String[] args, Map<String, String> env) {
    return from(Settings.load(JobSetting.class, args, env));
  }

  public static JobConfig from(Settings<JobSetting> values) {
    String jobValue = values.string(JOB);
    if (jobValue == null) {
      throw JOB.invalid("a job name (--job NAME or JVC_JOB is required)", null);
    }
    JobConfig.JobName job = JobConfig.JobName.parse(jobValue);
    String[] source = hostPort(values.string(SOURCE) == null ? "" : values.string(SOURCE));
    int port;
    try {
      port = Integer.parseInt(source[1]);
    } catch (NumberFormatException e) {
      throw SOURCE.invalid("host:port with a port in 1..65535", values.string(SOURCE));
    }
    String checkpointDir = values.string(CHECKPOINT_DIR) == null ? ""
        : values.string(CHECKPOINT_DIR).replace("<job>", job.cliName());
    Set<String> pseudos = values.isSet(PSEUDO)
        ? Arrays.stream(values.string(PSEUDO).split(",")).map(String::strip).filter(s -> !s.isEmpty())
            .collect(Collectors.toSet())
        : Set.of();
    String stopSource = values.string(STOP_WORDS) == null ? "none" : values.string(STOP_WORDS);
    return new JobConfig(job, source[0], port, values.verbatim(STREAM_TOKEN), values.duration(BATCH).toMillis(),
        checkpointDir, values.integer(TOP), values.duration(WINDOW).toMillis(),
        JobConfig.Emit.parse(values.string(EMIT) == null ? "" : values.string(EMIT)), pseudos,
        values.integer(MIN_WORD_LENGTH), loadStopWords(stopSource), stopSource, values.httpUrl(PUBLISH_URL),
        values.bool(WAL), values.duration(STATE_IDLE_TIMEOUT).toMillis(), metricsPort(values.string(METRICS_PORT)));
  }

  /** {@code off} (or unset) is 0: Spark's default for the driver UI; else a port in 1..65535. */
  static int metricsPort(String value) {
    if (value == null || value.isEmpty() || value.equalsIgnoreCase("off")) {
      return 0;
    }
    try {
      int port = Integer.parseInt(value);
      if (port >= 1 && port <= 65_535) {
        return port;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw METRICS_PORT.invalid("off or a port in 1..65535", value);
  }

  static String[] hostPort(String value) {
    int colon = value.lastIndexOf(':');
    if (colon <= 0 || colon == value.length() - 1) {
      throw SOURCE.invalid("host:port", value);
    }
    String host = value.substring(0, colon);
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    return new String[] {host, value.substring(colon + 1)};
  }

  static Set<String> loadStopWords(String source) {
    if (source.isEmpty() || source.equalsIgnoreCase("none")) {
      return Set.of();
    }
    List<String> lines;
    try {
      if (source.equalsIgnoreCase("builtin")) {
        try (InputStream in = JobConfigLoader.class.getResourceAsStream(BUILTIN_STOP_WORDS)) {
          if (in == null) {
            throw new IllegalStateException("--stop-words: builtin list missing from the jar");
          }
          lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        }
      } else {
        lines = Files.readAllLines(Path.of(source), StandardCharsets.UTF_8);
      }
    } catch (IOException e) {
      throw STOP_WORDS.invalid("none, builtin or a readable file (" + e.getMessage() + ")", source);
    }
    return lines.stream().map(l -> l.strip().toLowerCase(Locale.ROOT))
        .filter(l -> !l.isEmpty() && !l.startsWith("#")).collect(Collectors.toSet());
  }
}
