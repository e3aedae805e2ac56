package io.jvcstreaming.analytics.report;

import io.jvcstreaming.analytics.config.JobConfig;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The settings a user may change between two starts on the same checkpoint (top, emit mode, publish URL,
 * pseudos), installed by the launcher at every start and read by the graph's functions at each batch, on the
 * driver, inside {@code foreachRDD}/{@code transform} bodies (the lazy-singleton pattern of Spark's streaming
 * guide). Why: whatever a function holds is serialized into the checkpoint and restored as it was by
 * {@code getOrCreate}, so a function must hold no setting of its own.
 *
 * <p>Also the driver-side memory of each all-time report's latest top keys ({@link #lastTop}), which the state
 * keeps alive past the idle timeout (see {@code CountingJob}). Thread-safe.
 */
public final class RunSettings {

  private static volatile RunSettings current;
  private static final Map<String, List<String>> LAST_TOP = new ConcurrentHashMap<>();

  private final int top;
  private final Emitter emitter;
  private final Set<String> pseudos;

  private RunSettings(int top, Emitter emitter, Set<String> pseudos) {
    this.top = top;
    this.emitter = emitter;
    this.pseudos = Set.copyOf(pseudos);
  }

  /** Called by the launcher before the context is created or recovered. */
  public static void install(JobConfig config) {
    current = new RunSettings(config.top(), new Emitter(config.emit(), config.publishUrl()), config.pseudos());
    LAST_TOP.clear();
  }

  public static RunSettings current() {
    RunSettings s = current;
    if (s == null) {
      throw new IllegalStateException("RunSettings read before the launcher installed them (or on an executor):"
          + " the graph's functions may read them only on the driver, inside foreachRDD/transform");
    }
    return s;
  }

  int top() {
    return top;
  }

  Emitter emitter() {
    return emitter;
  }

  /** Lower-cased pseudos of the pseudo job; empty: the pseudo job counts nothing and reports nothing. */
  public Set<String> pseudos() {
    return pseudos;
  }

  /** The keys of the latest report of {@code report} (empty before its first report in this run). */
  public static List<String> lastTop(String report) {
    return LAST_TOP.getOrDefault(report, List.of());
  }

  static void lastTop(String report, List<String> keys) {
    LAST_TOP.put(report, List.copyOf(keys));
  }
}
