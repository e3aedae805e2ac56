package io.jvcstreaming.analytics.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.jvcstreaming.model.Post;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TableFormatterTest {

  private static final long BATCH = Instant.parse("2026-11-25T20:04:33Z").toEpochMilli();

  @Test
  void headerAndRowsOnTheFirstBatch() {
    BatchReport r = new BatchReport("authors", BATCH, 12, 4567, 0,
        List.of(new ReportRow("Risitas", null, 1234), new ReportRow("PetitNuage_42", null, 7)), List.of());
    assertThat(TableFormatter.format(r, null)).isEqualTo("""
        == authors | batch 2026-11-25 21:04:33 +01:00 | posts: 12 this batch, 4567 total | top 2 ==
        rank  Δ     count  key
           1         1234  Risitas
           2            7  PetitNuage_42
        """);
  }

  @Test
  void marksUnchangedMovedAndNewEntries() {
    Map<String, Integer> before = Map.of("a", 1, "b", 2, "c", 3);
    assertThat(TableFormatter.mark(1, "a", before)).isEqualTo("=");
    assertThat(TableFormatter.mark(1, "c", before)).isEqualTo("+2");
    assertThat(TableFormatter.mark(3, "a", before)).isEqualTo("-2");
    assertThat(TableFormatter.mark(2, "z", before)).isEqualTo("new");
    BatchReport r = new BatchReport("words", BATCH, 1, 2, 0,
        List.of(new ReportRow("c", null, 9), new ReportRow("b", null, 5), new ReportRow("zèbre", null, 1)), List.of());
    String table = TableFormatter.format(r, before);
    assertThat(table).contains("   1  +2        9  c\n", "   2  =         5  b\n", "   3  new       1  zèbre\n");
  }

  @Test
  void stickersShowIdentifierThenUrlAndTrendingShowsTheWindow() {
    String url = "https://image.noelshack.com/fichiers/2026/48/3/1764100000-chat-content.jpg";
    BatchReport r = new BatchReport("stickers-trending", BATCH, 0, 10, 600_000,
        List.of(new ReportRow(url, "1764100000-chat-content", 3)), List.of());
    String table = TableFormatter.format(r, null);
    assertThat(table).startsWith("== stickers-trending (last 10 min) | batch");
    assertThat(table).contains("    3  1764100000-chat-content  " + url + "\n");
  }

  @Test
  void trendingRowsShowTheirRise() {
    BatchReport r = new BatchReport("words-trending", BATCH, 4, 900, 60_000,
        List.of(new ReportRow("issou", null, 6).withScore(6.0 / 11), new ReportRow("khey", null, 9).withScore(0.0957)),
        List.of());
    String table = TableFormatter.format(r, null);
    assertThat(table).contains("count  rise   key\n", "    6  0.545  issou\n", "    9  0.096  khey\n");
    assertThat(JsonFormatter.format(r)).contains("{\"key\":\"issou\",\"count\":6,\"score\":0.5455}")
        .contains("{\"key\":\"khey\",\"count\":9,\"score\":0.0957}");
  }

  @Test
  void emptyListSaysSo() {
    assertThat(TableFormatter.format(new BatchReport("topics", BATCH, 0, 0, 0, List.of(), List.of()), null))
        .endsWith("top 0 ==\n  (nothing counted yet)\n");
  }

  @Test
  void pseudoPostsArePrintedInFullBeforeTheTableWithoutControlCharacters() {
    Post p = new Post(42, 1320000042, 77300123, "Le café du matin", "Risitas\u0007",
        Instant.parse("2026-11-25T20:04:33Z"), "Moi ! Ça me va 😂\nligne deux", List.of("https://image.jeuxvideo.com/stickers/p/1kki"),
        "https://www.jeuxvideo.com/forums/42-51-77300123-1-0-1-0-le-cafe-du-matin.htm");
    String table = TableFormatter.format(new BatchReport("pseudo", BATCH, 1, 1, 0,
        List.of(new ReportRow("risitas", null, 1)), List.of(MatchedPost.of(p))), null);
    assertThat(table).startsWith("""
        -- pseudo | Risitas  | 2026-11-25T21:04:33+01:00 | seq 42 | topic 77300123 Le café du matin
           Moi ! Ça me va 😂
           ligne deux
           [sticker] https://image.jeuxvideo.com/stickers/p/1kki
           https://www.jeuxvideo.com/forums/42-51-77300123-1-0-1-0-le-cafe-du-matin.htm
        == pseudo |""");
  }
}
