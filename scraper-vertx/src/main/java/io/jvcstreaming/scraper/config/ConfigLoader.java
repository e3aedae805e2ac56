package io.jvcstreaming.scraper.config;

import io.jvcstreaming.config.Settings;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Map;

/** Builds the {@link ScraperConfig}: defaults, then environment variables, then CLI flags ({@link Setting}). */
public final class ConfigLoader {

  private ConfigLoader() {
  }

  /** @throws IllegalArgumentException naming the key and the accepted values when something is wrong */
  public static ScraperConfig load(String[] args, Map<String, String> env) {
    return from(Settings.load(Setting.class, args, env));
  }

  /** Ranges are checked by {@link ScraperConfig}'s constructor, the one place they live. */
  public static ScraperConfig from(Settings<Setting> values) {
    String redisUrl = values.string(Setting.REDIS_URL);
    String podName = values.string(Setting.POD_NAME);
    String backfill = values.string(Setting.BACKFILL_PAGES);
    return new ScraperConfig(
        uri(values.string(Setting.FORUM_URL)),
        redisUrl,
        StoreKind.resolve(values.string(Setting.STORE) == null ? "" : values.string(Setting.STORE),
            redisUrl == null ? "" : redisUrl),
        dataDir(values.string(Setting.DATA_DIR)),
        values.string(Setting.STREAM_HOST),
        values.integer(Setting.STREAM_PORT),
        values.string(Setting.HTTP_HOST),
        values.integer(Setting.HTTP_PORT),
        values.integer(Setting.FETCHERS),
        values.decimal(Setting.RATE, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY),
        values.duration(Setting.REFRESH_INTERVAL),
        values.integer(Setting.LIST_PAGES),
        "all".equalsIgnoreCase(backfill) ? ScraperConfig.ALL_PAGES : values.integer(Setting.BACKFILL_PAGES),
        values.verbatim(Setting.USER_AGENT),
        values.duration(Setting.REQUEST_TIMEOUT),
        values.duration(Setting.CONNECT_TIMEOUT),
        values.integer(Setting.MAX_BODY_BYTES),
        values.integer(Setting.MAX_RETRIES),
        values.duration(Setting.BACKOFF_BASE),
        values.duration(Setting.BACKOFF_MAX),
        values.integer(Setting.LOG_CAPACITY),
        values.verbatim(Setting.STREAM_TOKEN),
        values.integer(Setting.CLIENT_BUFFER_BYTES),
        values.duration(Setting.HANDSHAKE_TIMEOUT),
        values.bool(Setting.LEADER_ELECTION),
        values.string(Setting.LEASE_NAME),
        values.duration(Setting.LEASE_DURATION),
        podName == null ? hostName() : podName,
        values.string(Setting.POD_NAMESPACE));
  }

  /** The {@code --help} text: every flag, its variable, its default and why. */
  public static String help() {
    return Settings.help(Setting.class, "Usage: java -jar scraper-vertx.jar [options]");
  }

  private static URI uri(String raw) {
    try {
      return new URI(raw == null ? "" : raw);
    } catch (URISyntaxException e) {
      throw Setting.FORUM_URL.invalid("an absolute http(s) URL", raw);
    }
  }

  private static Path dataDir(String raw) {
    if (raw == null) {
      throw Setting.DATA_DIR.invalid("a directory path", "");
    }
    try {
      return Path.of(raw);
    } catch (InvalidPathException e) {
      throw Setting.DATA_DIR.invalid("a directory path", raw);
    }
  }

  private static String hostName() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (Exception e) {
      return "scraper-" + ProcessHandle.current().pid();
    }
  }
}
