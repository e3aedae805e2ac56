package io.jvcstreaming.scraper.config;

import io.jvcstreaming.config.Durations;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Every setting of the scraper, validated once at start. Built by {@link ConfigLoader} from defaults,
 * environment variables and CLI flags (in that order of precedence, last wins); see {@link Setting}
 * for the keys, their defaults and why.
 */
public record ScraperConfig(
    URI forumUrl,
    String redisUrl,
    StoreKind store,
    Path dataDir,
    String streamHost,
    int streamPort,
    String httpHost,
    int httpPort,
    int fetchers,
    double rate,
    Duration refreshInterval,
    int listPages,
    int backfillPages,
    String userAgent,
    Duration requestTimeout,
    Duration connectTimeout,
    int maxBodyBytes,
    int maxRetries,
    Duration backoffBase,
    Duration backoffMax,
    int logCapacity,
    String streamToken,
    int clientBufferBytes,
    Duration handshakeTimeout,
    boolean leaderElection,
    String leaseName,
    Duration leaseDuration,
    String podName,
    String podNamespace) {

  /** {@code --backfill-pages all}. */
  public static final int ALL_PAGES = Integer.MAX_VALUE;

  public ScraperConfig {
    String scheme = forumUrl == null ? null : forumUrl.getScheme();
    if (scheme == null || !(scheme.equals("http") || scheme.equals("https")) || forumUrl.getHost() == null) {
      throw invalid(Setting.FORUM_URL, "an absolute http(s) URL of the forum's first list page", forumUrl);
    }
    if (redisUrl != null && !redisUrl.isBlank() && !redisUrl.matches("^rediss?://.+")) {
      throw invalid(Setting.REDIS_URL, "a redis://host:port[/db] or rediss:// URL, or unset", redisUrl);
    }
    redisUrl = redisUrl == null || redisUrl.isBlank() ? null : redisUrl;
    if (store == null || (store == StoreKind.REDIS) != (redisUrl != null)) {
      throw invalid(Setting.STORE, "redis exactly when --redis-url is set", store);
    }
    if (store == StoreKind.LOCAL && dataDir == null) {
      throw invalid(Setting.DATA_DIR, "a directory path", null);
    }
    requireRange(Setting.STREAM_PORT, streamPort, 0, 65535);
    requireRange(Setting.HTTP_PORT, httpPort, 0, 65535);
    requireRange(Setting.FETCHERS, fetchers, 1, 512);
    if (!(rate >= 0.1 && rate <= 1000)) {
      throw invalid(Setting.RATE, "a number of requests per second in [0.1, 1000]", rate);
    }
    requireRange(Setting.REFRESH_INTERVAL, refreshInterval, Duration.ofMillis(100), Duration.ofHours(1));
    requireRange(Setting.LIST_PAGES, listPages, 1, 200);
    if (backfillPages < 1) {
      throw invalid(Setting.BACKFILL_PAGES, "a positive number of pages, or 'all'", backfillPages);
    }
    if (userAgent == null || userAgent.isBlank()) {
      throw invalid(Setting.USER_AGENT, "a non-empty User-Agent", userAgent);
    }
    requireRange(Setting.REQUEST_TIMEOUT, requestTimeout, Duration.ofMillis(100), Duration.ofMinutes(5));
    requireRange(Setting.CONNECT_TIMEOUT, connectTimeout, Duration.ofMillis(100), Duration.ofMinutes(5));
    requireRange(Setting.MAX_BODY_BYTES, maxBodyBytes, 64 * 1024, 64 * 1024 * 1024);
    requireRange(Setting.MAX_RETRIES, maxRetries, 0, 20);
    requireRange(Setting.BACKOFF_BASE, backoffBase, Duration.ofMillis(10), Duration.ofMinutes(10));
    requireRange(Setting.BACKOFF_MAX, backoffMax, backoffBase, Duration.ofHours(1));
    requireRange(Setting.LOG_CAPACITY, logCapacity, 100_000, 10_000_000);
    requireRange(Setting.CLIENT_BUFFER_BYTES, clientBufferBytes, 16 * 1024, 256 * 1024 * 1024);
    requireRange(Setting.HANDSHAKE_TIMEOUT, handshakeTimeout, Duration.ZERO, Duration.ofSeconds(30));
    requireRange(Setting.LEASE_DURATION, leaseDuration, Duration.ofSeconds(1), Duration.ofMinutes(5));
    streamToken = streamToken == null || streamToken.isEmpty() ? null : streamToken;
    if (leaderElection && (podNamespace == null || podNamespace.isBlank())) {
      throw invalid(Setting.POD_NAMESPACE, "the pod's namespace when leader election is on", podNamespace);
    }
    if (leaderElection && store != StoreKind.REDIS) {
      // each replica would keep its own log and seq: a new leader would restart the stream elsewhere
      throw invalid(Setting.LEADER_ELECTION, "false unless the store is Redis (--redis-url), shared by the replicas",
          leaderElection);
    }
  }

  /** The origin (scheme://host[:port]) that topic links resolve against. */
  public String origin() {
    return forumUrl.getScheme() + "://" + forumUrl.getRawAuthority();
  }

  /**
   * What the settings resolved to, under the flags the user types, secrets masked: logged once at start after
   * {@code Settings.describe()} (which shows each value as given and where it came from).
   */
  public String describe() {
    StringBuilder sb = new StringBuilder();
    sb.append("  --store=").append(switch (store) {
          case REDIS -> "redis " + maskPassword(redisUrl);
          case LOCAL -> "local " + dataDir.toAbsolutePath().normalize();
          case MEMORY -> "memory (nothing survives a restart)";
        }).append('\n')
        .append("  --forum-url=").append(forumUrl).append(" (origin ").append(origin()).append(")\n")
        .append("  --stream-host:--stream-port=").append(streamHost).append(':').append(streamPort)
        .append(" --stream-token=").append(streamToken == null ? "(none)" : "****").append('\n')
        .append("  --http-host:--http-port=").append(httpHost).append(':').append(httpPort).append('\n')
        .append("  --backfill-pages=").append(backfillPages == ALL_PAGES ? "all" : String.valueOf(backfillPages))
        .append(" --leader-election=").append(leaderElection)
        .append(leaderElection ? " --pod-name=" + podName + " --pod-namespace=" + podNamespace : "");
    return sb.toString();
  }

  static String maskPassword(String url) {
    return url.replaceAll("//([^:@/]*):([^@/]*)@", "//$1:****@");
  }

  private static void requireRange(Setting key, int value, int min, int max) {
    if (value < min || value > max) {
      throw invalid(key, "an integer in [" + min + ", " + max + "]", value);
    }
  }

  private static void requireRange(Setting key, Duration value, Duration min, Duration max) {
    if (value == null || value.compareTo(min) < 0 || value.compareTo(max) > 0) {
      throw invalid(key, "a duration in [" + Durations.format(min) + ", " + Durations.format(max)
          + "] (e.g. 500ms, 2s, 1m)",
          value == null ? null : Durations.format(value));
    }
  }

  static IllegalArgumentException invalid(Setting key, String accepted, Object value) {
    return key.invalid(accepted, value);
  }
}
