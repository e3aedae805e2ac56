package io.jvcstreaming.dashboard;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A reader for the Prometheus text exposition format (version 0.0.4), enough for the scraper's
 * {@code /metrics}: {@code name{label="value",...} number [timestamp]}, comments skipped. Malformed lines
 * are skipped rather than failing the whole scrape, so one odd metric cannot blank the health panel.
 */
final class PrometheusText {

  /** One sample line. */
  public record Sample(String name, Map<String, String> labels, double value) {
  }

  private PrometheusText() {
  }

  public static List<Sample> parse(String text) {
    List<Sample> out = new ArrayList<>();
    for (String raw : text.split("\n")) {
      String line = raw.strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      Sample s = parseLine(line);
      if (s != null) {
        out.add(s);
      }
    }
    return out;
  }

  /** The sum of every sample named {@code name} whose labels include all of {@code match}; NaN if none. */
  public static double sum(List<Sample> samples, String name, Map<String, String> match) {
    double total = 0;
    boolean found = false;
    for (Sample s : samples) {
      if (s.name.equals(name) && s.labels.entrySet().containsAll(match.entrySet())) {
        total += s.value;
        found = true;
      }
    }
    return found ? total : Double.NaN;
  }

  public static double sum(List<Sample> samples, String name) {
    return sum(samples, name, Map.of());
  }

  static Sample parseLine(String line) {
    int i = 0;
    int n = line.length();
    while (i < n && isNameChar(line.charAt(i), i == 0)) {
      i++;
    }
    if (i == 0) {
      return null;
    }
    String name = line.substring(0, i);
    Map<String, String> labels = Collections.emptyMap();
    if (i < n && line.charAt(i) == '{') {
      labels = new LinkedHashMap<>();
      i++;
      while (true) {
        while (i < n && (line.charAt(i) == ' ' || line.charAt(i) == ',')) {
          i++;
        }
        if (i >= n) {
          return null;
        }
        if (line.charAt(i) == '}') {
          i++;
          break;
        }
        int start = i;
        while (i < n && line.charAt(i) != '=' && line.charAt(i) != ' ') {
          i++;
        }
        String key = line.substring(start, i);
        while (i < n && line.charAt(i) == ' ') {
          i++;
        }
        if (i >= n || line.charAt(i) != '=') {
          return null;
        }
        i++;
        while (i < n && line.charAt(i) == ' ') {
          i++;
        }
        if (i >= n || line.charAt(i) != '"') {
          return null;
        }
        i++;
        StringBuilder value = new StringBuilder();
        boolean closed = false;
        while (i < n) {
          char c = line.charAt(i++);
          if (c == '\\' && i < n) {
            char e = line.charAt(i++);
            value.append(e == 'n' ? '\n' : e);
          } else if (c == '"') {
            closed = true;
            break;
          } else {
            value.append(c);
          }
        }
        if (!closed || key.isEmpty()) {
          return null;
        }
        labels.put(key, value.toString());
      }
    }
    String[] rest = line.substring(i).strip().split("\\s+");
    if (rest.length == 0 || rest[0].isEmpty()) {
      return null;
    }
    double value;
    try {
      value = switch (rest[0]) {
        case "+Inf", "Inf" -> Double.POSITIVE_INFINITY;
        case "-Inf" -> Double.NEGATIVE_INFINITY;
        case "NaN" -> Double.NaN;
        default -> Double.parseDouble(rest[0]);
      };
    } catch (NumberFormatException e) {
      return null;
    }
    return new Sample(name, labels, value);
  }

  private static boolean isNameChar(char c, boolean first) {
    return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_' || c == ':' || !first && c >= '0' && c <= '9';
  }
}
