package io.jvcstreaming.dashboard;

import io.jvcstreaming.config.Durations;
import io.jvcstreaming.config.Settings;
import io.jvcstreaming.config.Spec;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The dashboard's settings, checked once at start so a typo fails fast with the key's name instead of
 * surfacing later as a dead page.
 *
 * @param host              HTTP bind address (127.0.0.1: the one-machine run must not expose it; the chart sets 0.0.0.0)
 * @param port              HTTP port, 0 = any free port (tests)
 * @param redisUrl          where the latest result per job survives a restart, or null for memory only
 * @param sourceHost        the scraper's stream host
 * @param sourcePort        the scraper's stream port
 * @param streamToken       sent as {@code AUTH <token>} when the scraper requires one, or null
 * @param metricsUrl        the scraper's Prometheus endpoint, polled for the health numbers
 * @param metricsInterval   how often it is polled
 * @param forumOrigin       the only origin topic links may point to (the simulator's in the one-machine run)
 * @param resultsToken      the bearer token {@code POST /api/results} requires, or null: then POST is open, which
 *                          is allowed only on a loopback bind address (only local processes can reach it)
 * @param redisPassword     Redis password (AUTH) when it is not in the URL, or null
 * @param pictureMirror     the offline demo only: the origin serving the sticker pictures in place of their hosts
 *                          (the simulator's {@code /pictures/<host>/<path>}), or null for the real image hosts
 */
public record DashboardConfig(String host, int port, String redisUrl, String sourceHost, int sourcePort,
                              String streamToken, URI metricsUrl, Duration metricsInterval, String forumOrigin,
                              String resultsToken, String redisPassword, String pictureMirror) {

  /** Shorter than this is guessable; the chart generates 32 random characters. */
  static final int MIN_RESULTS_TOKEN = 16;

  /** Every setting: flag, environment variable, default (null = unset), and why it exists. */
  public enum Key implements io.jvcstreaming.config.Key {
    HOST(Spec.of("--host", "JVC_DASHBOARD_HOST", "127.0.0.1", "HTTP bind address; 0.0.0.0 in a container")),
    PORT(Spec.of("--port", "JVC_DASHBOARD_PORT", "8090", "HTTP port (0..65535, 0 = any free port)")),
    REDIS_URL(Spec.of("--redis-url", "REDIS_URL", null,
        "keep the latest result per job in the Redis hash jvc:dash:results (unset = memory only)")),
    SOURCE(Spec.of("--source", "SCRAPER_ADDR", "127.0.0.1:6667", "the scraper's post stream, host:port")),
    STREAM_TOKEN(Spec.of("--stream-token", "STREAM_TOKEN", null, "sent as AUTH <token> when the scraper requires one")
        .secret()),
    METRICS_URL(Spec.of("--scraper-metrics-url", "JVC_SCRAPER_METRICS_URL", "http://127.0.0.1:8080/metrics",
        "the scraper's Prometheus endpoint, for the health numbers")),
    METRICS_INTERVAL(Spec.of("--scraper-metrics-interval", "JVC_SCRAPER_METRICS_INTERVAL", "5s",
        "how often the metrics are polled (200ms..10m)")
        .alias("--scraper-metrics-interval-ms", "JVC_SCRAPER_METRICS_INTERVAL_MS")),
    FORUM_ORIGIN(Spec.of("--forum-origin", "JVC_FORUM_ORIGIN", "https://www.jeuxvideo.com",
        "the only origin topic links may point to")),
    RESULTS_TOKEN(Spec.of("--results-token", "JVC_RESULTS_TOKEN", null,
        "POST /api/results then needs 'Authorization: Bearer <token>' (16..400 visible ASCII characters); "
            + "required unless --host is a loopback address").secret()),
    REDIS_PASSWORD(Spec.of("--redis-password", "REDIS_PASSWORD", null,
        "Redis password when it is not in --redis-url (prefer the variable: flags show in ps)").secret()),
    PICTURE_MIRROR(Spec.of("--picture-mirror", "JVC_PICTURE_MIRROR", null,
        "offline demo only: the origin (the forum simulator) whose /pictures/<host>/<path> replaces the sticker "
            + "hosts, in the page and in its Content-Security-Policy; unset = the real image hosts"));

    private final Spec spec;

    Key(Spec spec) {
      this.spec = spec;
    }

    @Override
    public Spec spec() {
      return spec;
    }
  }

  /** Without a picture mirror: the live mode. */
  public DashboardConfig(String host, int port, String redisUrl, String sourceHost, int sourcePort, String streamToken,
                         URI metricsUrl, Duration metricsInterval, String forumOrigin, String resultsToken,
                         String redisPassword) {
    this(host, port, redisUrl, sourceHost, sourcePort, streamToken, metricsUrl, metricsInterval, forumOrigin,
        resultsToken, redisPassword, null);
  }

  public DashboardConfig {
    if (host == null || host.isBlank()) {
      throw Key.HOST.invalid("a host name or IP address", host);
    }
    if (port < 0 || port > 65535) {
      throw Key.PORT.invalid("an integer in 0..65535", port);
    }
    if (redisUrl != null && redisUrl.isBlank()) {
      redisUrl = null;
    }
    if (redisUrl != null && !redisUrl.startsWith("redis://") && !redisUrl.startsWith("rediss://")) {
      throw Key.REDIS_URL.invalid("a redis:// or rediss:// URL", redisUrl);
    }
    if (sourceHost == null || sourceHost.isBlank() || sourcePort < 1 || sourcePort > 65535) {
      throw Key.SOURCE.invalid("host:port with a port in 1..65535", sourceHost + ":" + sourcePort);
    }
    if (streamToken != null && streamToken.isEmpty()) {
      streamToken = null;
    }
    if (streamToken != null && (streamToken.length() > 400 || streamToken.chars().anyMatch(c -> c <= ' '))) {
      // The handshake line is limited to 512 bytes and split on spaces.
      throw Key.STREAM_TOKEN.invalid("1..400 characters without spaces or control characters", streamToken);
    }
    if (metricsUrl == null || metricsUrl.getHost() == null
        || !("http".equals(metricsUrl.getScheme()) || "https".equals(metricsUrl.getScheme()))) {
      throw Key.METRICS_URL.invalid("an absolute http(s) URL", metricsUrl);
    }
    if (metricsInterval == null || metricsInterval.toMillis() < 200 || metricsInterval.toMillis() > 600_000) {
      throw Key.METRICS_INTERVAL.invalid("a duration in 200ms..10m", metricsInterval == null ? null
          : Durations.format(metricsInterval));
    }
    forumOrigin = normalizeOrigin(Key.FORUM_ORIGIN, forumOrigin);
    pictureMirror = pictureMirror == null || pictureMirror.isBlank() ? null
        : normalizeOrigin(Key.PICTURE_MIRROR, pictureMirror);
    if (resultsToken != null && resultsToken.isEmpty()) {
      resultsToken = null;
    }
    if (resultsToken != null && (resultsToken.length() < MIN_RESULTS_TOKEN || resultsToken.length() > 400
        || resultsToken.chars().anyMatch(c -> c < 0x21 || c > 0x7e))) {
      throw Key.RESULTS_TOKEN.invalid(MIN_RESULTS_TOKEN + "..400 visible ASCII characters (no spaces)", resultsToken);
    }
    if (resultsToken == null && !isLoopback(host)) {
      throw new IllegalArgumentException(Key.RESULTS_TOKEN.spec().names() + " is required when "
          + Key.HOST.spec().names() + " is not a loopback address (got '" + host + "'): without it "
          + "anyone who reaches the port could post forged job results. Set the same token in the Spark jobs, "
          + "which send it as 'Authorization: Bearer <token>'.");
    }
    if (redisPassword != null && redisPassword.isEmpty()) {
      redisPassword = null;
    }
    if (redisPassword != null && redisUrl != null && hasPassword(redisUrl)) {
      throw new IllegalArgumentException(Key.REDIS_PASSWORD.spec().names() + " and a password in "
          + Key.REDIS_URL.spec().names() + ": give it once");
    }
  }

  /**
   * True for addresses only this machine can reach: 127.0.0.0/8, ::1 and {@code localhost}. Decided on the text,
   * without DNS: any other name may resolve to a public address, so it counts as exposed.
   */
  static boolean isLoopback(String host) {
    String h = host.strip().toLowerCase(Locale.ROOT);
    if (h.startsWith("[") && h.endsWith("]")) {
      h = h.substring(1, h.length() - 1);
    }
    if (h.equals("localhost") || h.equals("::1") || h.equals("0:0:0:0:0:0:0:1")) {
      return true;
    }
    String[] parts = h.split("\\.", -1);
    if (parts.length != 4 || !parts[0].equals("127")) {
      return false;
    }
    for (String part : parts) {
      if (part.isEmpty() || part.length() > 3 || !part.chars().allMatch(Character::isDigit)
          || Integer.parseInt(part) > 255) {
        return false;
      }
    }
    return true;
  }

  /** Whether POST /api/results is open (no token; only on loopback, see the constructor). */
  public boolean resultsOpen() {
    return resultsToken == null;
  }

  /** Defaults, then environment variables, then flags ({@code --key value} or {@code --key=value}). */
  public static DashboardConfig load(List<String> args, Map<String, String> env) {
    return from(Settings.load(Key.class, args.toArray(String[]::new), env));
  }

  public static DashboardConfig from(Settings<Key> values) {
    String source = values.string(Key.SOURCE) == null ? "" : values.string(Key.SOURCE);
    int colon = source.lastIndexOf(':');
    if (colon <= 0) {
      throw Key.SOURCE.invalid("host:port with a port in 1..65535", source);
    }
    String sourceHost = source.substring(0, colon);
    if (sourceHost.startsWith("[") && sourceHost.endsWith("]")) {
      sourceHost = sourceHost.substring(1, sourceHost.length() - 1);
    }
    int sourcePort;
    try {
      sourcePort = Integer.parseInt(source.substring(colon + 1));
    } catch (NumberFormatException e) {
      throw Key.SOURCE.invalid("host:port with a port in 1..65535", source);
    }
    String host = values.string(Key.HOST);
    return new DashboardConfig(
        host == null ? "" : host,
        values.integer(Key.PORT),
        values.string(Key.REDIS_URL),
        sourceHost,
        sourcePort,
        values.verbatim(Key.STREAM_TOKEN),
        uri(values.string(Key.METRICS_URL)),
        values.duration(Key.METRICS_INTERVAL),
        values.verbatim(Key.FORUM_ORIGIN),
        values.verbatim(Key.RESULTS_TOKEN),
        values.verbatim(Key.REDIS_PASSWORD),
        values.verbatim(Key.PICTURE_MIRROR));
  }

  /** The {@code --help} text. */
  public static String help() {
    return Settings.help(Key.class, "Usage: java -jar dashboard.jar [options]");
  }

  /** One line per setting for the start-up log; tokens and passwords are never printed. */
  public String describe() {
    return "  host=" + host + " port=" + port
        + "\n  results POST=" + (resultsToken == null ? "open (loopback bind only)" : "bearer token required")
        + "\n  redis=" + (redisUrl == null ? "(none: memory only)" : redactCredentials(redisUrl))
        + (redisPassword == null ? "" : " password=(set)")
        + "\n  source=" + sourceHost + ":" + sourcePort + " auth=" + (streamToken == null ? "no" : "yes")
        + "\n  scraperMetrics=" + metricsUrl + " every " + Durations.format(metricsInterval)
        + "\n  forumOrigin=" + forumOrigin
        + "\n  pictures=" + (pictureMirror == null ? "the image hosts" : pictureMirror + "/pictures/ (offline demo)");
  }

  @Override
  public String toString() {
    return "DashboardConfig{" + describe().replace('\n', ' ') + "}";
  }

  /** Checked by the constructor (an absolute http(s) URL). */
  private static URI uri(String raw) {
    try {
      return raw == null ? null : new URI(raw);
    } catch (URISyntaxException e) {
      throw Key.METRICS_URL.invalid("an absolute http(s) URL", raw);
    }
  }

  /** {@code scheme://host[:port]} with nothing after it, so "starts with origin + /" is a safe link check. */
  private static String normalizeOrigin(Key key, String raw) {
    String s = raw == null ? "" : raw.strip();
    while (s.endsWith("/")) {
      s = s.substring(0, s.length() - 1);
    }
    try {
      URI u = new URI(s);
      boolean ok = ("http".equals(u.getScheme()) || "https".equals(u.getScheme())) && u.getHost() != null
          && u.getRawUserInfo() == null && (u.getRawPath() == null || u.getRawPath().isEmpty())
          && u.getRawQuery() == null && u.getRawFragment() == null;
      if (ok) {
        return s.toLowerCase(Locale.ROOT);
      }
    } catch (URISyntaxException e) {
      // reported below
    }
    throw key.invalid("an origin such as https://www.jeuxvideo.com (no path)", raw);
  }

  /** {@code redis://[user]:password@host...}: a password is whatever follows the ':' of the user info. */
  private static boolean hasPassword(String url) {
    int scheme = url.indexOf("://");
    int at = url.lastIndexOf('@');
    return scheme > 0 && at > scheme && url.substring(scheme + 3, at).indexOf(':') >= 0;
  }

  private static String redactCredentials(String url) {
    int at = url.lastIndexOf('@');
    int scheme = url.indexOf("://");
    return at > 0 && scheme > 0 ? url.substring(0, scheme + 3) + "***@" + url.substring(at + 1) : url;
  }
}
