package io.jvcstreaming.analytics.checkpoint;

import io.jvcstreaming.analytics.config.JobConfig;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The options that shape what a checkpoint holds (the DStream graph and the counts in it): written next to the
 * checkpoint at its first start, compared at every later start. Everything else (source, token, top, emit,
 * pseudos, publish URL) is read afresh at every start and never saved.
 *
 * <ul>
 *   <li>{@code job}: which counts the graph holds;</li>
 *   <li>{@code batch}: Spark restores the batch interval from the checkpoint;</li>
 *   <li>{@code window}: the trending lists' window is part of the windowed streams in the graph;</li>
 *   <li>{@code min-word-length}, {@code stop-words}: the words already counted were cut with them;</li>
 *   <li>{@code wal}: the receiver's storage level and Spark's write-ahead log setting are restored;</li>
 *   <li>{@code state-idle-timeout}: the timeout is part of the state's {@code StateSpec} in the graph.</li>
 * </ul>
 */
public final class StateShape {

  /** Flag name to its environment variable, in the order of the file and of the messages. */
  static final Map<String, String> OPTIONS = new LinkedHashMap<>();

  static {
    OPTIONS.put("job", "JVC_JOB");
    OPTIONS.put("batch", "JVC_BATCH");
    OPTIONS.put("window", "JVC_WINDOW");
    OPTIONS.put("min-word-length", "JVC_MIN_WORD_LENGTH");
    OPTIONS.put("stop-words", "JVC_STOP_WORDS");
    OPTIONS.put("wal", "JVC_WAL");
    OPTIONS.put("state-idle-timeout", "JVC_STATE_IDLE_TIMEOUT");
  }

  private StateShape() {
  }

  /** The shaping options of {@code config}, flag name to value as saved. */
  public static Map<String, String> of(JobConfig config) {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("job", config.job().cliName());
    m.put("batch", config.batchMillis() + "ms");
    m.put("window", config.windowMillis() + "ms");
    m.put("min-word-length", Integer.toString(config.minWordLength()));
    m.put("stop-words", stopWords(config));
    m.put("wal", Boolean.toString(config.writeAheadLog()));
    m.put("state-idle-timeout", config.stateIdleTimeoutMillis() + "ms");
    return m;
  }

  /**
   * One line per option whose value differs, naming the option, both values and how to start fresh; empty when
   * they agree. An option missing from {@code saved} (a file written before the option existed) is not compared.
   */
  public static List<String> differences(Map<String, String> saved, Map<String, String> now, String checkpoint) {
    List<String> out = new ArrayList<>();
    for (Map.Entry<String, String> e : now.entrySet()) {
      String before = saved.get(e.getKey());
      if (before != null && !before.equals(e.getValue())) {
        out.add("option --" + e.getKey() + " (" + OPTIONS.get(e.getKey()) + ") is '" + e.getValue()
            + "' on this start but '" + before + "' in the checkpoint " + checkpoint);
      }
    }
    return out;
  }

  /** The refusal text for {@link #differences}: what differs, why it matters, the two ways out. */
  public static String refusal(List<String> differences, String checkpoint) {
    return String.join("\n", differences) + "\n"
        + "These options shape the counts saved in the checkpoint, so they cannot change on it. Either start with"
        + " the checkpoint's values, or start fresh: pass another --checkpoint-dir, or move " + checkpoint
        + " away (the counts then start again from what the scraper's log still holds).";
  }

  /** {@code none}, or the number and SHA-256 of the sorted words (the content decides, not where it came from). */
  static String stopWords(JobConfig config) {
    if (config.stopWords().isEmpty()) {
      return "none";
    }
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      for (String w : new TreeSet<>(config.stopWords())) {
        sha.update(w.getBytes(StandardCharsets.UTF_8));
        sha.update((byte) '\n');
      }
      return config.stopWords().size() + " words, sha256 " + HexFormat.of().formatHex(sha.digest()).substring(0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
