package io.jvcstreaming.scraper.source;

import static org.assertj.core.api.Assertions.assertThat;

import io.jvcstreaming.scraper.parse.TopicRow;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which rows of successive list rounds get queued. */
class ListRoundTest {

  /**
   * Rounds separated by {@code ;}, rows by spaces: {@code id:replies:lastPostSecond:lastPage}, a trailing {@code !}
   * when the queue refuses it. Expected: the ids queued (offered and accepted or refused) per round.
   */
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "new topics queued                 | 1:0:10:1 2:5:20:1                 | 1 2",
      "unchanged row not queued again    | 1:0:10:1 ; 1:0:10:1               | 1 ; -",
      "a reply moves it                  | 1:0:10:1 ; 1:1:10:1               | 1 ; 1",
      "a new last-post date moves it     | 1:0:10:1 ; 1:0:11:1               | 1 ; 1",
      "a new page count moves it         | 1:19:10:1 ; 1:19:10:2             | 1 ; 1",
      "refused by a full queue: again next round | 1:0:10:1! ; 1:0:10:1     | 1 ; 1",
      "only the changed ones             | 1:0:10:1 2:0:10:1 ; 1:0:10:1 2:3:40:1 | 1 2 ; 2",
  })
  void queuesARowOnlyWhenItChanged(String story, String rounds, String expected) {
    ListRound round = new ListRound(100);
    List<String> got = new ArrayList<>();
    for (String r : rounds.split(";")) {
      List<String> offered = new ArrayList<>();
      for (String spec : r.trim().split("\\s+")) {
        boolean refused = spec.endsWith("!");
        TopicRow row = row(refused ? spec.substring(0, spec.length() - 1) : spec);
        TopicWork work = round.changed(row);
        if (work != null) {
          offered.add(Long.toString(work.topicId()));
          if (!refused) {
            round.queued(row);
          }
        }
      }
      got.add(offered.isEmpty() ? "-" : String.join(" ", offered));
    }
    assertThat(String.join(" ; ", got)).as(story).isEqualTo(expected);
  }

  @Test
  void aTopicSeenOnTwoPagesKeepsItsFirstRow() {
    TopicRow newer = row("7:3:50:1");
    List<TopicRow> merged = ListRound.merge(List.of(List.of(row("1:0:10:1"), newer), List.of(row("7:2:40:1"),
        row("9:0:5:1"))));
    assertThat(merged).extracting(TopicRow::topicId).containsExactly(1L, 7L, 9L);
    assertThat(merged.get(1)).isSameAs(newer);
  }

  @Test
  void theWorkCarriesTheRowsUrlAndAtLeastOnePage() {
    TopicWork work = new ListRound(10).changed(row("5:0:10:0"));
    assertThat(work).isEqualTo(new TopicWork(5, "http://f/t5", 1, "t5"));
  }

  @Test
  void forgetsTheLeastRecentlySeenBeyondItsBound() {
    ListRound round = new ListRound(2);
    for (String spec : List.of("1:0:10:1", "2:0:10:1", "3:0:10:1")) {
      round.queued(row(spec));
    }
    assertThat(round.changed(row("1:0:10:1"))).as("forgotten: queued again").isNotNull();
    assertThat(round.changed(row("3:0:10:1"))).as("remembered").isNull();
  }

  private static TopicRow row(String spec) {
    String[] p = spec.split(":");
    long id = Long.parseLong(p[0]);
    return new TopicRow(id, "t" + id, "http://f/t" + id, Integer.parseInt(p[1]),
        Instant.ofEpochSecond(Long.parseLong(p[2])), Integer.parseInt(p[3]), false, "a");
  }
}
