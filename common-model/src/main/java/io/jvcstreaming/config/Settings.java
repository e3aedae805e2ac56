package io.jvcstreaming.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * The settings of one run: each key's default, then its environment variable, then its flag ({@code --key value} or
 * {@code --key=value}; a flag wins over its variable; an empty variable counts as unset), read once at start into
 * typed values whose errors name the flag, the variable and the accepted range. Older names ({@link Spec#aliases()}) are read like the new ones.
 *
 * @param <K> the module's enum of settings
 */
public final class Settings<K extends Enum<K> & Key> {

  /** Where a value came from, for the start-up log. */
  private record Given(String value, String from) {
  }

  private static final Duration UNBOUNDED = Duration.ofMillis(Long.MAX_VALUE);

  private final Class<K> keys;
  private final Map<K, Given> values;

  private Settings(Class<K> keys, Map<K, Given> values) {
    this.keys = keys;
    this.values = values;
  }

  /** True when the arguments ask for the usage text. */
  public static boolean wantsHelp(String[] args) {
    return Arrays.stream(args).anyMatch(a -> a.equals("--help") || a.equals("-h"));
  }

  /** @throws ConfigException for an unknown flag or a flag without its value */
  public static <K extends Enum<K> & Key> Settings<K> load(Class<K> keys, String[] args, Map<String, String> env) {
    Map<K, Given> values = new EnumMap<>(keys);
    for (K k : keys.getEnumConstants()) {
      Spec s = k.spec();
      values.put(k, new Given(s.defaultValue(), "default"));
      for (String alias : s.aliases()) {
        if (!alias.startsWith("--") && given(env, alias)) {
          values.put(k, new Given(legacyMillis(alias, env.get(alias)), "env " + alias));
        }
      }
      if (s.env() != null && given(env, s.env())) {
        values.put(k, new Given(env.get(s.env()), "env " + s.env()));
      }
    }
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      int eq = arg.indexOf('=');
      String flag = eq > 0 ? arg.substring(0, eq) : arg;
      K key = byFlag(keys, flag);
      if (key == null) {
        throw new ConfigException("unknown option '" + flag + "' (see --help)");
      }
      String value;
      if (eq > 0) {
        value = arg.substring(eq + 1);
      } else if (key.spec().isSwitch() && (i + 1 >= args.length || args[i + 1].startsWith("--"))) {
        value = "true";
      } else if (i + 1 < args.length) {
        value = args[++i];
      } else {
        throw new ConfigException("option " + flag + " needs a value (see --help)");
      }
      values.put(key, new Given(legacyMillis(flag, value), "flag " + flag));
    }
    return new Settings<>(keys, values);
  }

  /** An empty variable counts as unset: charts and compose files write {@code VAR: ""} for "not given". */
  private static boolean given(Map<String, String> env, String name) {
    String v = env.get(name);
    return v != null && !v.isBlank();
  }

  /** An old {@code ..._MS} name took a bare number of milliseconds: it keeps that meaning. */
  private static String legacyMillis(String name, String value) {
    boolean millisName = name.endsWith("_MS") || name.endsWith("-ms");
    return millisName && value.strip().matches("\\d+") ? value.strip() + "ms" : value;
  }

  private static <K extends Enum<K> & Key> K byFlag(Class<K> keys, String flag) {
    for (K k : keys.getEnumConstants()) {
      if (flag.equals(k.spec().flag()) || k.spec().aliases().contains(flag) && flag.startsWith("--")) {
        return k;
      }
    }
    return null;
  }

  /** The value as given, stripped; {@code null} when unset or empty. */
  public String string(K key) {
    String v = values.get(key).value();
    return v == null || v.strip().isEmpty() ? null : v.strip();
  }

  /** The value as given, unstripped (a user agent, a token); {@code null} when unset or empty. */
  public String verbatim(K key) {
    String v = values.get(key).value();
    return v == null || v.isEmpty() ? null : v;
  }

  public boolean isSet(K key) {
    return string(key) != null;
  }

  /** Any int; the caller's record checks the range (so a record built directly is checked the same way). */
  public int integer(K key) {
    return integer(key, Integer.MIN_VALUE, Integer.MAX_VALUE);
  }

  public int integer(K key, int min, int max) {
    long n = longValue(key, min, max);
    return (int) n;
  }

  public long longValue(K key, long min, long max) {
    String raw = string(key);
    try {
      long n = Long.parseLong(raw == null ? "" : raw);
      if (n >= min && n <= max) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below with the range
    }
    throw key.invalid(min == Integer.MIN_VALUE && max == Integer.MAX_VALUE ? "an integer"
        : "an integer in [" + min + ", " + max + "]", raw);
  }

  public double decimal(K key, double min, double max) {
    String raw = string(key);
    try {
      double d = Double.parseDouble(raw == null ? "" : raw);
      if (d >= min && d <= max) {
        return d;
      }
    } catch (NumberFormatException e) {
      // reported below with the range
    }
    throw key.invalid("a number in [" + plain(min) + ", " + plain(max) + "]", raw);
  }

  public boolean bool(K key) {
    String raw = string(key);
    return switch (raw == null ? "" : raw.toLowerCase(Locale.ROOT)) {
      case "true", "yes", "1", "on" -> true;
      case "false", "no", "0", "off", "" -> false;
      default -> throw key.invalid("true or false", raw);
    };
  }

  /** Any duration in {@link Durations}' format; the caller's record checks the range. */
  public Duration duration(K key) {
    return duration(key, Duration.ZERO, UNBOUNDED);
  }

  /** In {@link Durations}' format, within {@code [min, max]}. */
  public Duration duration(K key, Duration min, Duration max) {
    String raw = string(key);
    String range = max.equals(UNBOUNDED) ? Durations.FORMAT
        : Durations.FORMAT + ", in [" + Durations.format(min) + ", " + Durations.format(max) + "]";
    Duration d;
    try {
      d = Durations.parse(raw);
    } catch (IllegalArgumentException e) {
      throw key.invalid(range, raw);
    }
    if (d.compareTo(min) < 0 || d.compareTo(max) > 0) {
      throw key.invalid(range, raw);
    }
    return d;
  }

  /** An absolute http(s) URL, or {@code null} when unset. */
  public URI httpUrl(K key) {
    String raw = string(key);
    if (raw == null) {
      return null;
    }
    try {
      URI u = new URI(raw);
      if (("http".equalsIgnoreCase(u.getScheme()) || "https".equalsIgnoreCase(u.getScheme())) && u.getHost() != null) {
        return u;
      }
    } catch (URISyntaxException e) {
      // reported below
    }
    throw key.invalid("an absolute http(s) URL", raw);
  }

  /**
   * Every key, one per line, under the name the user types, with where its value came from; secrets are shown as
   * {@code (set)}, credentials in URLs masked. Logged once at start.
   */
  public String describe() {
    StringBuilder sb = new StringBuilder();
    for (K k : keys.getEnumConstants()) {
      Spec s = k.spec();
      Given g = values.get(k);
      String shown = g.value() == null || g.value().isEmpty() ? "(unset)"
          : s.isSecret() ? "(set)" : maskUrlPassword(g.value());
      sb.append(String.format(Locale.ROOT, "  %s=%s  (%s)%n", s.name(), shown, g.from()));
    }
    return sb.toString().stripTrailing();
  }

  /** The {@code --help} text: every flag, its variable, its default and why, from the specs. */
  public static <K extends Enum<K> & Key> String help(Class<K> keys, String usage) {
    StringBuilder sb = new StringBuilder(usage).append("\n\n")
        .append("Each option can also be set by its environment variable; a flag wins over the variable.\n")
        .append("Durations: 500ms, 3s, 5m, 1h, 30d (a bare number is seconds).\n\n");
    for (K k : keys.getEnumConstants()) {
      Spec s = k.spec();
      sb.append(String.format(Locale.ROOT, "  %-28s %-30s default: %s%n      %s%n", s.flag() == null ? "" : s.flag(),
          s.env(), s.defaultValue() == null ? "(unset)" : s.defaultValue(), s.why()));
      if (!s.aliases().isEmpty()) {
        sb.append("      also accepted (older names): ").append(String.join(", ", s.aliases())).append('\n');
      }
    }
    return sb.toString();
  }

  /** {@code scheme://user:password@host} becomes {@code scheme://user:****@host}. */
  public static String maskUrlPassword(String value) {
    return value.replaceAll("//([^:@/]*):([^@/]*)@", "//$1:****@");
  }

  private static String plain(double d) {
    return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
  }
}
