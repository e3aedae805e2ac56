package io.jvcstreaming.scraper.parse;

import static org.assertj.core.api.Assertions.assertThat;

import io.jvcstreaming.model.Post;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The payload strategy on its own: the dates it accepts, the ids it leaves out, what it counts as skipped. */
class PayloadReaderTest {

  @ParameterizedTest(name = "''{0}''")
  @CsvSource(delimiter = '|', nullValues = "null", value = {
      "25 novembre 2026 à 21:04:33  | 2026-11-25T20:04:33Z",
      "2026-11-25T21:04:33+01:00    | 2026-11-25T20:04:33Z",
      "2026-06-02 22:25:06          | 2026-06-02T20:25:06Z",
      "2026-06-02T22:25:06          | 2026-06-02T20:25:06Z",
      "'   '                        | null",
      "null                         | null",
      "hier soir                    | null",
  })
  void acceptsTheForumDateAndIsoDatesParisTimeWhenNoOffset(String date, String expected) {
    assertThat(PayloadReader.payloadDate(date)).isEqualTo(expected == null ? null : Instant.parse(expected));
  }

  @ParameterizedTest(name = "''{0}''")
  @CsvSource(delimiter = '|', value = {
      "Caf&eacute;  du   matin      | Café du matin",
      "'  un\u00a0titre  '          | un titre",
      "A &amp; B                    | A & B",
  })
  void titlesHaveEntitiesDecodedAndWhitespaceCollapsed(String raw, String clean) {
    assertThat(PayloadReader.cleanTitle(raw)).isEqualTo(clean);
  }

  @Test
  void theIdsAlreadyReadElsewhereAreLeftOutAndNotCountedAsSkipped() throws Exception {
    String html = Pages.load("topic-2026-p1.html");
    Payload payload = Payload.read(html);
    TopicPage all = PayloadReader.fromPayload(payload, Pages.P1_URL, null);
    assertThat(all.posts()).hasSizeGreaterThan(2);
    Set<Long> known = new HashSet<>();
    known.add(all.posts().get(0).id());
    known.add(all.posts().get(1).id());

    TopicPage rest = PayloadReader.fromPayload(payload, Pages.P1_URL, known);

    assertThat(rest.posts()).extracting(Post::id).doesNotContainAnyElementsOf(known);
    assertThat(rest.posts()).isEqualTo(all.posts().subList(2, all.posts().size()));
    assertThat(rest.skippedMessages()).isEqualTo(all.skippedMessages());
    assertThat(rest.source()).isEqualTo(TopicPage.Source.PAYLOAD);
  }

  @Test
  void aPageWithoutPayloadSaysSo() {
    String html = Pages.load("topic-legacy.html");
    try {
      PayloadReader.read(html, Pages.LEGACY_URL);
      throw new AssertionError("read a payload from a page without one");
    } catch (PageParseException e) {
      assertThat(e.reason()).isEqualTo("no payload");
    }
  }

  @Test
  void readsTheSamePostsAsTheMarkupOnThePayloadOnlyFixtureSkipsNothing() throws Exception {
    TopicPage page = PayloadReader.read(Pages.load("topic-2026-payload-only.html"), Pages.PAYLOAD_ONLY_URL);
    assertThat(page.posts()).isNotEmpty();
    assertThat(page.posts()).allSatisfy(p -> assertThat(p.topicId()).isEqualTo(77301111L));
    assertThat(page.posts()).extracting(Post::id).isSorted();
    assertThat(List.copyOf(page.posts())).doesNotHaveDuplicates();
  }
}
