package io.jvcstreaming.analytics.config;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Builds a {@link JobConfig} from CLI flags ({@code --key value} or {@code --key=value}) and environment
 * variables; a flag wins over its variable, which wins over the default in {@link Defaults}.
 *
 * <p>Every problem is an {@link IllegalArgumentException} whose message names the key and the allowed values;
 * the launcher prints it with the usage and exits with code 2.
 */
public final class JobConfigLoader {

  /** Flag name (without {@code --}) to environment variable. */
  static final Map<String, String> KEYS = new LinkedHashMap<>();

  static {
    KEYS.put("job", "JVC_JOB");
    KEYS.put("source", "SCRAPER_ADDR");
    KEYS.put("batch", "JVC_BATCH");
    KEYS.put("checkpoint-dir", "JVC_CHECKPOINT_DIR");
    KEYS.put("top", "JVC_TOP");
    KEYS.put("window", "JVC_WINDOW");
    KEYS.put("emit", "JVC_EMIT");
    KEYS.put("pseudo", "JVC_PSEUDO");
    KEYS.put("min-word-length", "JVC_MIN_WORD_LENGTH");
    KEYS.put("stop-words", "JVC_STOP_WORDS");
    KEYS.put("publish-url", "JVC_PUBLISH_URL");
    KEYS.put("wal", "JVC_WAL");
    KEYS.put("state-idle-timeout", "JVC_STATE_IDLE_TIMEOUT");
    KEYS.put("metrics-port", "JVC_METRICS_PORT");
  }

  public static final String BUILTIN_STOP_WORDS = "/io/jvcstreaming/analytics/stopwords-fr.txt";

  public static final String USAGE = """
      Usage: AnalyticsMain --job stickers|authors|words|pseudo|topics|all [options]
        --job NAME              JVC_JOB              required: which running count(s) to print
        --source HOST:PORT      SCRAPER_ADDR         scraper stream (default %s)
                                STREAM_TOKEN         sent as AUTH <token> when set (never logged)
        --batch DURATION        JVC_BATCH            batch interval, e.g. 3s, 500ms (default %s)
        --checkpoint-dir DIR    JVC_CHECKPOINT_DIR   default %s<job>
        --top N                 JVC_TOP              rows per table (default %d)
        --window DURATION       JVC_WINDOW           trending window, multiple of the batch (default %s)
        --emit table|json       JVC_EMIT             output format (default %s)
        --pseudo a,b            JVC_PSEUDO           pseudos for the pseudo job (case-insensitive)
        --min-word-length N     JVC_MIN_WORD_LENGTH  letters per counted word (default %d)
        --stop-words none|builtin|PATH  JVC_STOP_WORDS  stop words (default %s)
        --publish-url URL       JVC_PUBLISH_URL      also POST each JSON report there
        --wal true|false        JVC_WAL              receiver write-ahead log (default %s)
        --state-idle-timeout D  JVC_STATE_IDLE_TIMEOUT  a key unseen this long leaves the all-time counts
                                                     unless it is in the top (default %s)
        --metrics-port PORT|off JVC_METRICS_PORT     driver UI port serving /metrics/prometheus; off: Spark's
                                                     default (on at 4040 on a cluster, off in local mode)
                                                     (default %s)
      Read at every start: --source, STREAM_TOKEN, --top, --emit, --pseudo, --publish-url. Fixed by the
      checkpoint (a change is refused, exit 2): --job, --batch, --window, --min-word-length, --stop-words, --wal,
      --state-idle-timeout. --metrics-port is a Spark setting: a recovered context keeps its checkpoint's UI
      settings (a WARN names them).
      Durations: 500ms, 3s, 10m, 1h, 30d (a bare number is seconds). The Spark master comes from spark-submit
      or -Dspark.master; without one, the launcher runs in local[2].
      """.formatted(Defaults.SOURCE, Defaults.BATCH, Defaults.CHECKPOINT_DIR_PREFIX, Defaults.TOP, Defaults.WINDOW,
      Defaults.EMIT, Defaults.MIN_WORD_LENGTH, Defaults.STOP_WORDS, Defaults.WRITE_AHEAD_LOG,
      Defaults.STATE_IDLE_TIMEOUT, Defaults.METRICS_PORT);

  private static final Pattern DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ms|s|m|min|h|d)?");

  private JobConfigLoader() {
  }

  /** True when the arguments ask for the usage text. */
  public static boolean wantsHelp(String[] args) {
    return Arrays.stream(args).anyMatch(a -> a.equals("--help") || a.equals("-h"));
  }

  public static JobConfig load(String[] args, Map<String, String> env) {
    Map<String, String> flags = parseFlags(args);
    Map<String, String> values = new HashMap<>();
    KEYS.forEach((flag, var) -> {
      String v = flags.containsKey(flag) ? flags.get(flag) : env.get(var);
      if (v != null) {
        values.put(flag, v.strip());
      }
    });
    String jobValue = values.get("job");
    if (jobValue == null || jobValue.isEmpty()) {
      throw new IllegalArgumentException("job: missing; pass --job NAME or set JVC_JOB");
    }
    JobConfig.JobName job = JobConfig.JobName.parse(jobValue);
    String[] source = hostPort(values.getOrDefault("source", Defaults.SOURCE));
    int port = intValue("source", source[1]);
    long batch = durationMillis("batch", values.getOrDefault("batch", Defaults.BATCH));
    String checkpointDir = values.getOrDefault("checkpoint-dir", Defaults.CHECKPOINT_DIR_PREFIX + job.cliName());
    int top = intValue("top", values.getOrDefault("top", String.valueOf(Defaults.TOP)));
    long window = durationMillis("window", values.getOrDefault("window", Defaults.WINDOW));
    JobConfig.Emit emit = JobConfig.Emit.parse(values.getOrDefault("emit", Defaults.EMIT));
    Set<String> pseudos = values.containsKey("pseudo")
        ? Arrays.stream(values.get("pseudo").split(",")).map(String::strip).filter(s -> !s.isEmpty())
            .collect(Collectors.toSet())
        : Set.of();
    int minWord = intValue("min-word-length",
        values.getOrDefault("min-word-length", String.valueOf(Defaults.MIN_WORD_LENGTH)));
    String stopSource = values.getOrDefault("stop-words", Defaults.STOP_WORDS);
    Set<String> stopWords = loadStopWords(stopSource);
    URI publish = null;
    if (values.containsKey("publish-url") && !values.get("publish-url").isEmpty()) {
      try {
        publish = new URI(values.get("publish-url"));
      } catch (URISyntaxException e) {
        throw new IllegalArgumentException("publish-url: not a URL: " + values.get("publish-url"), e);
      }
    }
    boolean wal = bool("wal", values.getOrDefault("wal", String.valueOf(Defaults.WRITE_AHEAD_LOG)));
    long idle = durationMillis("state-idle-timeout",
        values.getOrDefault("state-idle-timeout", Defaults.STATE_IDLE_TIMEOUT));
    int metricsPort = metricsPort(values.getOrDefault("metrics-port", Defaults.METRICS_PORT));
    return new JobConfig(job, source[0], port, env.get("STREAM_TOKEN"), batch, checkpointDir, top, window, emit,
        pseudos, minWord, stopWords, stopSource, publish, wal, idle, metricsPort);
  }

  static Map<String, String> parseFlags(String[] args) {
    Map<String, String> flags = new HashMap<>();
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      if (!a.startsWith("--")) {
        throw new IllegalArgumentException("unexpected argument '" + a + "'; options are --key value");
      }
      String key;
      String value;
      int eq = a.indexOf('=');
      if (eq > 0) {
        key = a.substring(2, eq);
        value = a.substring(eq + 1);
      } else {
        key = a.substring(2);
        if (i + 1 >= args.length) {
          throw new IllegalArgumentException(key + ": missing value after --" + key);
        }
        value = args[++i];
      }
      if (!KEYS.containsKey(key)) {
        throw new IllegalArgumentException("unknown option --" + key + "; known: " + KEYS.keySet());
      }
      flags.put(key, value);
    }
    return flags;
  }

  static String[] hostPort(String value) {
    int colon = value.lastIndexOf(':');
    if (colon <= 0 || colon == value.length() - 1) {
      throw new IllegalArgumentException("source: expected host:port, got '" + value + "'");
    }
    String host = value.substring(0, colon);
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    return new String[] {host, value.substring(colon + 1)};
  }

  static int intValue(String key, String value) {
    try {
      return Integer.parseInt(value.strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(key + ": expected an integer, got '" + value + "'", e);
    }
  }

  /** {@code off} (or empty) is 0; else a port, checked by {@link JobConfig}. */
  static int metricsPort(String value) {
    return value.isEmpty() || value.equalsIgnoreCase("off") ? 0 : intValue("metrics-port", value);
  }

  static boolean bool(String key, String value) {
    return switch (value.strip().toLowerCase(Locale.ROOT)) {
      case "true", "yes", "on", "1" -> true;
      case "false", "no", "off", "0" -> false;
      default -> throw new IllegalArgumentException(key + ": expected true or false, got '" + value + "'");
    };
  }

  /** {@code 500ms}, {@code 3s}, {@code 1.5s}, {@code 10m}, {@code 1h}, {@code 30d}; a bare number is seconds. */
  public static long durationMillis(String key, String value) {
    Matcher m = DURATION.matcher(value.strip().toLowerCase(Locale.ROOT));
    if (!m.matches()) {
      throw new IllegalArgumentException(key + ": expected a duration such as 500ms, 3s, 10m, 1h, 30d, got '" + value
          + "'");
    }
    double n = Double.parseDouble(m.group(1));
    String unit = m.group(2) == null ? "s" : m.group(2);
    double ms = switch (unit) {
      case "ms" -> n;
      case "s" -> n * 1_000;
      case "m", "min" -> n * 60_000;
      case "h" -> n * 3_600_000;
      default -> n * 86_400_000;
    };
    return Math.round(ms);
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
            throw new IllegalStateException("stop-words: builtin list missing from the jar");
          }
          lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        }
      } else {
        lines = Files.readAllLines(Path.of(source), StandardCharsets.UTF_8);
      }
    } catch (IOException e) {
      throw new IllegalArgumentException("stop-words: cannot read '" + source + "': " + e.getMessage(), e);
    }
    return lines.stream().map(l -> l.strip().toLowerCase(Locale.ROOT))
        .filter(l -> !l.isEmpty() && !l.startsWith("#")).collect(Collectors.toSet());
  }
}
