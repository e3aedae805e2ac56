package io.jvcstreaming.analytics.report;

import io.jvcstreaming.analytics.state.Rise;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import scala.Tuple2;

/**
 * One report of a count: its top N, with the batch's figures, to this run's {@code Emitter}. Driver-side. Holds
 * only what shapes the graph (name, labels, window); where and how it is printed is read at each batch from
 * {@link RunSettings}.
 */
public final class ReportTop implements Serializable {

  private static final long serialVersionUID = 4L;

  private final String job;
  private final Labels labels;
  private final long windowMillis;
  private final boolean withMatches;
  /** The previous batch's ranks (Δ column); starts empty again after a driver restart. */
  private transient Map<String, Integer> previousRanks;

  public ReportTop(String job, Labels labels, long windowMillis, boolean withMatches) {
    this.job = job;
    this.labels = labels;
    this.windowMillis = windowMillis;
    this.withMatches = withMatches;
  }

  String job() {
    return job;
  }

  /**
   * Emits the report of batch {@code batchTime}; {@code top} is the top N, highest first; {@code keys} the number
   * of keys the count holds (state or window).
   */
  void emit(List<Tuple2<String, Long>> top, long batchTime, long keys) {
    BatchBoard.Entry batch = BatchBoard.at(batchTime);
    List<MatchedPost> matches = withMatches ? batch.matches.remove(job) : null;
    RunSettings settings = RunSettings.current();
    if (withMatches && settings.pseudos().isEmpty()) {
      return; // --job all without --pseudo: the pseudo job follows nobody in this run
    }
    List<ReportRow> rows = new ArrayList<>(top.size());
    List<String> topKeys = new ArrayList<>(top.size());
    for (Tuple2<String, Long> kv : top) {
      // A trending list's value is a packed (score, recent count): see Rise and RiseScores.
      rows.add(windowMillis == 0 ? labels.row(kv._1(), kv._2())
          : labels.row(kv._1(), Rise.recentOf(kv._2())).withScore(Rise.scoreOf(kv._2())));
      topKeys.add(kv._1());
    }
    if (windowMillis == 0) {
      RunSettings.lastTop(job, topKeys);
    }
    BatchReport report = new BatchReport(job, batchTime, batch.batchPosts, batch.totalPosts, windowMillis, rows,
        matches, keys);
    settings.emitter().emit(report, previousRanks);
    previousRanks = TableFormatter.ranks(rows);
  }
}
