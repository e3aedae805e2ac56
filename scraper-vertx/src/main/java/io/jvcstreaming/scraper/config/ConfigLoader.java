package io.jvcstreaming.scraper.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.InetAddress;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Builds the {@link ScraperConfig}: defaults, then environment variables, then CLI flags. */
public final class ConfigLoader {

  private static final Pattern DURATION = Pattern.compile("(\\d+)(ms|s|m|h)?");

  private ConfigLoader() {
  }

  /** @throws IllegalArgumentException naming the key and the accepted values when something is wrong */
  public static ScraperConfig load(String[] args, Map<String, String> env) {
    Map<Setting, String> values = new EnumMap<>(Setting.class);
    for (Setting s : Setting.values()) {
      values.put(s, env.getOrDefault(s.env(), s.defaultValue()));
    }
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      String value = null;
      int eq = arg.indexOf('=');
      String flag = eq > 0 ? arg.substring(0, eq) : arg;
      Setting setting = byFlag(flag);
      if (setting == null) {
        throw new IllegalArgumentException("unknown option '" + flag + "' (see --help)");
      }
      if (eq > 0) {
        value = arg.substring(eq + 1);
      } else if (setting == Setting.LEADER_ELECTION && (i + 1 >= args.length || args[i + 1].startsWith("--"))) {
        value = "true";
      } else if (i + 1 < args.length) {
        value = args[++i];
      } else {
        throw new IllegalArgumentException("option " + flag + " needs a value");
      }
      values.put(setting, value);
    }
    String podName = values.get(Setting.POD_NAME);
    return new ScraperConfig(
        uri(values),
        values.get(Setting.REDIS_URL),
        StoreKind.resolve(values.get(Setting.STORE), values.get(Setting.REDIS_URL)),
        dataDir(values),
        values.get(Setting.STREAM_HOST),
        integer(Setting.STREAM_PORT, values),
        values.get(Setting.HTTP_HOST),
        integer(Setting.HTTP_PORT, values),
        integer(Setting.FETCHERS, values),
        decimal(Setting.RATE, values),
        duration(Setting.REFRESH_INTERVAL, values),
        integer(Setting.LIST_PAGES, values),
        "all".equalsIgnoreCase(values.get(Setting.BACKFILL_PAGES).strip())
            ? ScraperConfig.ALL_PAGES : integer(Setting.BACKFILL_PAGES, values),
        values.get(Setting.USER_AGENT),
        duration(Setting.REQUEST_TIMEOUT, values),
        duration(Setting.CONNECT_TIMEOUT, values),
        integer(Setting.MAX_BODY_BYTES, values),
        integer(Setting.MAX_RETRIES, values),
        duration(Setting.BACKOFF_BASE, values),
        duration(Setting.BACKOFF_MAX, values),
        integer(Setting.LOG_CAPACITY, values),
        values.get(Setting.STREAM_TOKEN),
        integer(Setting.CLIENT_BUFFER_BYTES, values),
        duration(Setting.HANDSHAKE_TIMEOUT, values),
        bool(Setting.LEADER_ELECTION, values),
        values.get(Setting.LEASE_NAME),
        duration(Setting.LEASE_DURATION, values),
        podName == null || podName.isBlank() ? hostName() : podName,
        values.get(Setting.POD_NAMESPACE));
  }

  /** The {@code --help} text: every flag, its variable, its default and why. */
  public static String help() {
    StringBuilder sb = new StringBuilder("Usage: java -jar scraper-vertx.jar [options]\n\n"
        + "Each option can also be set by its environment variable; a flag wins over the variable.\n\n");
    for (Setting s : Setting.values()) {
      sb.append(String.format(Locale.ROOT, "  %-22s %-24s default: %s%n      %s%n", s.flag(), s.env(),
          s.defaultValue().isEmpty() ? "(unset)" : s.defaultValue(), s.why()));
    }
    return sb.toString();
  }

  private static Setting byFlag(String flag) {
    for (Setting s : Setting.values()) {
      if (s.flag().equals(flag)) {
        return s;
      }
    }
    return null;
  }

  private static URI uri(Map<Setting, String> values) {
    String raw = values.get(Setting.FORUM_URL).strip();
    try {
      return new URI(raw);
    } catch (URISyntaxException e) {
      throw ScraperConfig.invalid(Setting.FORUM_URL, "an absolute http(s) URL", raw);
    }
  }

  private static Path dataDir(Map<Setting, String> values) {
    String raw = values.get(Setting.DATA_DIR).strip();
    if (raw.isEmpty()) {
      throw ScraperConfig.invalid(Setting.DATA_DIR, "a directory path", raw);
    }
    try {
      return Path.of(raw);
    } catch (InvalidPathException e) {
      throw ScraperConfig.invalid(Setting.DATA_DIR, "a directory path", raw);
    }
  }

  private static int integer(Setting key, Map<Setting, String> values) {
    String raw = values.get(key).strip();
    try {
      return Integer.parseInt(raw);
    } catch (NumberFormatException e) {
      throw ScraperConfig.invalid(key, "an integer", raw);
    }
  }

  private static double decimal(Setting key, Map<Setting, String> values) {
    String raw = values.get(key).strip();
    try {
      return Double.parseDouble(raw);
    } catch (NumberFormatException e) {
      throw ScraperConfig.invalid(key, "a number", raw);
    }
  }

  private static boolean bool(Setting key, Map<Setting, String> values) {
    String raw = values.get(key).strip().toLowerCase(Locale.ROOT);
    return switch (raw) {
      case "true", "yes", "1", "on" -> true;
      case "false", "no", "0", "off", "" -> false;
      default -> throw ScraperConfig.invalid(key, "true or false", raw);
    };
  }

  /** {@code 500ms}, {@code 2s}, {@code 1m}, {@code 1h}; a bare number is seconds. */
  static Duration duration(Setting key, Map<Setting, String> values) {
    String raw = values.get(key).strip().toLowerCase(Locale.ROOT);
    Matcher m = DURATION.matcher(raw);
    if (!m.matches()) {
      throw ScraperConfig.invalid(key, "a duration such as 500ms, 2s, 1m", raw);
    }
    long n = Long.parseLong(m.group(1));
    String unit = m.group(2) == null ? "s" : m.group(2);
    return switch (unit) {
      case "ms" -> Duration.ofMillis(n);
      case "s" -> Duration.ofSeconds(n);
      case "m" -> Duration.ofMinutes(n);
      default -> Duration.ofHours(n);
    };
  }

  private static String hostName() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (Exception e) {
      return "scraper-" + ProcessHandle.current().pid();
    }
  }
}
