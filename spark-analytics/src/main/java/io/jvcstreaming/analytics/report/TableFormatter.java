package io.jvcstreaming.analytics.report;

import io.jvcstreaming.codec.PostCodec;
import io.jvcstreaming.model.Post;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The human form of a {@link BatchReport}, for {@code kubectl logs}: a header, then {@code rank  Δ  count  key}
 * rows. The Δ column compares with the previous batch's list: {@code =} same rank, {@code +n}/{@code -n} moved
 * up/down n places, {@code new} not in the previous list.
 */
final class TableFormatter {

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss XXX", Locale.ROOT).withZone(PostCodec.FORUM_ZONE);

  private TableFormatter() {
  }

  /**
   * @param previousRanks key to 1-based rank in the previous batch's list; null on the first batch (nothing is
   *                      marked new then, there is nothing to compare with)
   */
  public static String format(BatchReport r, Map<String, Integer> previousRanks) {
    StringBuilder sb = new StringBuilder(256 + r.rows().size() * 64);
    for (MatchedPost m : r.matches()) {
      appendPost(sb, r.job(), m.post());
    }
    sb.append("== ").append(r.job());
    if (r.windowMillis() > 0) {
      sb.append(" (last ").append(window(r.windowMillis())).append(')');
    }
    sb.append(" | batch ").append(TIME.format(Instant.ofEpochMilli(r.batchTime())))
        .append(" | posts: ").append(r.batchPosts()).append(" this batch, ").append(r.totalPosts()).append(" total")
        .append(" | top ").append(r.rows().size());
    if (r.keys() >= 0) {
      sb.append(" of ").append(r.keys()).append(" keys");
    }
    sb.append(" ==\n");
    if (r.rows().isEmpty()) {
      sb.append("  (nothing counted yet)\n");
      return sb.toString();
    }
    int countWidth = Math.max(5, Long.toString(r.rows().get(0).count()).length());
    int rankWidth = Math.max(4, Integer.toString(r.rows().size()).length());
    sb.append(pad("rank", rankWidth)).append("  ").append(String.format(Locale.ROOT, "%-4s", "Δ")).append("  ")
        .append(pad("count", countWidth)).append(r.windowMillis() > 0 ? "  rise " : "").append("  key\n");
    int rank = 0;
    for (ReportRow row : r.rows()) {
      rank++;
      sb.append(pad(Integer.toString(rank), rankWidth)).append("  ")
          .append(String.format(Locale.ROOT, "%-4s", mark(rank, row.key(), previousRanks))).append("  ")
          .append(pad(Long.toString(row.count()), countWidth)).append("  ")
          .append(row.score() == null ? "" : String.format(Locale.ROOT, "%.3f  ", row.score()))
          .append(printable(row.label() == null ? row.key() : row.label()));
      if (row.label() != null) {
        sb.append("  ").append(printable(row.key()));
      }
      sb.append('\n');
    }
    return sb.toString();
  }

  /** {@code =} unchanged, {@code +n} up, {@code -n} down, {@code new} entered the list, blank on the first batch. */
  public static String mark(int rank, String key, Map<String, Integer> previousRanks) {
    if (previousRanks == null) {
      return "";
    }
    Integer before = previousRanks.get(key);
    if (before == null) {
      return "new";
    }
    if (before == rank) {
      return "=";
    }
    return before > rank ? "+" + (before - rank) : "-" + (rank - before);
  }

  private static void appendPost(StringBuilder sb, String job, Post p) {
    sb.append("-- ").append(job).append(" | ").append(printable(p.author()))
        .append(" | ").append(PostCodec.formatInstant(p.postedAt()))
        .append(" | seq ").append(p.seq()).append(" | topic ").append(p.topicId()).append(' ')
        .append(printable(p.topic())).append('\n');
    if (!p.text().isEmpty()) {
      for (String line : p.text().split("\\R", -1)) {
        sb.append("   ").append(printable(line)).append('\n');
      }
    }
    for (String s : p.stickers()) {
      sb.append("   [sticker] ").append(printable(s)).append('\n');
    }
    sb.append("   ").append(printable(p.url())).append('\n');
  }

  static String window(long millis) {
    if (millis % 3_600_000 == 0) {
      return millis / 3_600_000 + " h";
    }
    if (millis % 60_000 == 0) {
      return millis / 60_000 + " min";
    }
    if (millis % 1_000 == 0) {
      return millis / 1_000 + " s";
    }
    return millis + " ms";
  }

  /** Control characters (a pseudo or word cannot break the table's lines) become spaces. */
  static String printable(String s) {
    return s == null ? "" : s.replaceAll("\\p{Cntrl}", " ");
  }

  private static String pad(String s, int width) {
    return s.length() >= width ? s : " ".repeat(width - s.length()) + s;
  }

  /** Ranks of a list, for the next batch's Δ column. */
  public static Map<String, Integer> ranks(List<ReportRow> rows) {
    Map<String, Integer> ranks = new java.util.HashMap<>(rows.size() * 2);
    for (int i = 0; i < rows.size(); i++) {
      ranks.put(rows.get(i).key(), i + 1);
    }
    return ranks;
  }
}
