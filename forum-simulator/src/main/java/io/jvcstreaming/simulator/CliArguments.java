package io.jvcstreaming.simulator;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Turns flags ({@code --rate 5} or {@code --rate=5}) and {@code SIM_*} environment variables into a
 * {@link SimulatorConfig}. A flag wins over its variable; any bad value fails with the flag's name and range.
 */
final class CliArguments {

  /** flag → help text. The env variable is SIM_ + the flag in upper snake case. */
  static final Map<String, String> FLAGS = new LinkedHashMap<>();

  static {
    FLAGS.put("port", "TCP port, 0-65535 (default 8089; 0 = any free port)");
    FLAGS.put("host", "bind address (default 127.0.0.1)");
    FLAGS.put("seed", "random seed, any 64-bit integer (default 51)");
    FLAGS.put("topics", "topics generated at start, 1-100000 (default 300)");
    FLAGS.put("rate", "live posts per second, 0-100000 (default 0 = static forum)");
    FLAGS.put("max-posts-per-topic", "cap on a topic's length, 1-100000 (default 400)");
    FLAGS.put("error-503", "fraction of 503 responses, 0-1");
    FLAGS.put("drop", "fraction of connections closed without response, 0-1");
    FLAGS.put("challenge", "fraction of Cloudflare 403 challenge pages, 0-1");
    FLAGS.put("too-many", "fraction of 429 responses, 0-1");
    FLAGS.put("malformed", "fraction of 200 pages cut in the middle, 0-1");
    FLAGS.put("latency-ms", "fixed latency added to forum responses, 0-60000 ms");
    FLAGS.put("latency-jitter-ms", "extra random latency, 0-60000 ms");
  }

  private CliArguments() {
  }

  public static String envName(String flag) {
    return "SIM_" + flag.toUpperCase(Locale.ROOT).replace('-', '_');
  }

  public static SimulatorConfig parse(String[] args, Map<String, String> env) {
    Map<String, String> values = new HashMap<>();
    for (String flag : FLAGS.keySet()) {
      String v = env.get(envName(flag));
      if (v != null && !v.isBlank()) {
        values.put(flag, v.trim());
      }
    }
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (!arg.startsWith("--")) {
        throw new IllegalArgumentException("unexpected argument '" + arg + "'; flags look like --rate 5");
      }
      String name = arg.substring(2);
      String value;
      int eq = name.indexOf('=');
      if (eq >= 0) {
        value = name.substring(eq + 1);
        name = name.substring(0, eq);
      } else {
        if (i + 1 >= args.length) {
          throw new IllegalArgumentException("--" + name + " needs a value");
        }
        value = args[++i];
      }
      if (!FLAGS.containsKey(name)) {
        throw new IllegalArgumentException("unknown flag --" + name + "; accepted: --" + String.join(", --", FLAGS.keySet()));
      }
      values.put(name, value.trim());
    }
    SimulatorConfig d = SimulatorConfig.defaults();
    Faults faults = new Faults(
        fraction(values, "error-503", 0), fraction(values, "drop", 0), fraction(values, "challenge", 0),
        fraction(values, "too-many", 0), fraction(values, "malformed", 0),
        integer(values, "latency-ms", 0, 0, Faults.MAX_LATENCY_MS),
        integer(values, "latency-jitter-ms", 0, 0, Faults.MAX_LATENCY_MS));
    try {
      return new SimulatorConfig(
          longValue(values, "seed", d.seed()),
          integer(values, "topics", d.topics(), 1, SimulatorConfig.MAX_TOPICS),
          number(values, "rate", d.liveRate(), 0, SimulatorConfig.MAX_RATE),
          integer(values, "port", d.port(), 0, 65_535),
          values.getOrDefault("host", d.host()),
          faults,
          integer(values, "max-posts-per-topic", d.maxPostsPerTopic(), 1, SimulatorConfig.MAX_POSTS_PER_TOPIC));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("invalid configuration: " + e.getMessage(), e);
    }
  }

  public static String usage() {
    StringBuilder sb = new StringBuilder("usage: java -jar forum-simulator.jar [flags]\n");
    FLAGS.forEach((flag, help) -> sb.append(String.format("  --%-22s %s (env %s)%n", flag + " <v>", help, envName(flag))));
    return sb.toString();
  }

  private static double fraction(Map<String, String> values, String flag, double dflt) {
    return number(values, flag, dflt, 0, 1);
  }

  private static double number(Map<String, String> values, String flag, double dflt, double min, double max) {
    String v = values.get(flag);
    if (v == null) {
      return dflt;
    }
    try {
      double d = Double.parseDouble(v);
      if (d >= min && d <= max) {
        return d;
      }
    } catch (NumberFormatException ignored) {
      // reported below with the accepted range
    }
    throw new IllegalArgumentException("--" + flag + " (or " + envName(flag) + ") must be a number in ["
        + fmt(min) + ", " + fmt(max) + "], got '" + v + "'");
  }

  private static int integer(Map<String, String> values, String flag, int dflt, int min, int max) {
    String v = values.get(flag);
    if (v == null) {
      return dflt;
    }
    try {
      int i = Integer.parseInt(v);
      if (i >= min && i <= max) {
        return i;
      }
    } catch (NumberFormatException ignored) {
      // reported below with the accepted range
    }
    throw new IllegalArgumentException("--" + flag + " (or " + envName(flag) + ") must be an integer in ["
        + min + ", " + max + "], got '" + v + "'");
  }

  private static long longValue(Map<String, String> values, String flag, long dflt) {
    String v = values.get(flag);
    if (v == null) {
      return dflt;
    }
    try {
      return Long.parseLong(v);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--" + flag + " (or " + envName(flag) + ") must be a 64-bit integer, got '"
          + v + "'");
    }
  }

  private static String fmt(double d) {
    return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
  }
}
