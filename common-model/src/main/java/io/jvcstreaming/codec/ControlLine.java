package io.jvcstreaming.codec;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A server control line split into its parts: {@code # <LEVEL> <code> key=value ...}, e.g.
 * {@code # ERROR resume-too-old requested=12 oldest=500 from=500}. The greeting has no code:
 * {@code # HELLO v=2 stream=... oldest=... head=...} gives level {@code HELLO} and an empty code.
 *
 * @param level  {@code HELLO}, {@code OK}, {@code WARN}, {@code ERROR} or {@code INFO}
 * @param code   the word after the level ({@code resume}, {@code resume-too-old}...), empty for HELLO
 * @param fields the {@code key=value} words in order; words without {@code =} are kept in {@link #rest}
 * @param rest   free text after the code that is not {@code key=value} (human-readable details)
 */
public record ControlLine(String level, String code, Map<String, String> fields, String rest) {

  public ControlLine {
    fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
  }

  /** Parses a line starting with {@code #}; empty when it is not a control line or has no level. */
  public static Optional<ControlLine> parse(String line) {
    String s = line.strip();
    if (!s.startsWith(StreamProtocol.CONTROL_PREFIX)) {
      return Optional.empty();
    }
    String[] words = s.substring(1).strip().split("\\s+");
    if (words.length == 0 || words[0].isEmpty()) {
      return Optional.empty();
    }
    String level = words[0];
    int i = 1;
    String code = "";
    if (i < words.length && !words[i].contains("=")) {
      code = words[i++];
    }
    Map<String, String> fields = new LinkedHashMap<>();
    StringBuilder rest = new StringBuilder();
    for (; i < words.length; i++) {
      int eq = words[i].indexOf('=');
      if (eq > 0) {
        fields.put(words[i].substring(0, eq), words[i].substring(eq + 1));
      } else {
        rest.append(rest.length() == 0 ? "" : " ").append(words[i]);
      }
    }
    return Optional.of(new ControlLine(level, code, fields, rest.toString()));
  }

  /** A numeric field, or {@code fallback} when absent or not a number. */
  public long longField(String key, long fallback) {
    String v = fields.get(key);
    if (v == null) {
      return fallback;
    }
    try {
      return Long.parseLong(v);
    } catch (NumberFormatException e) {
      return fallback;
    }
  }
}
