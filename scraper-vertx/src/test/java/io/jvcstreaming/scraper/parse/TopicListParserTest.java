package io.jvcstreaming.scraper.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class TopicListParserTest {

  private static Map<Long, TopicRow> byId(TopicListPage page) {
    return page.rows().stream().collect(Collectors.toMap(TopicRow::topicId, Function.identity()));
  }

  @Test
  void readsTheRowsOfThe2026ListInPageOrderSkippingHeadAndAdRows() throws Exception {
    TopicListPage page = TopicListParser.parse(Pages.load("list-2026.html"), Pages.LIST_1);
    assertThat(page.rows()).extracting(TopicRow::topicId)
        .containsExactly(77200001L, 77200002L, 77300123L, 77300456L, 77300500L, 77300501L, 77300502L, 77300503L);
  }

  @Test
  void skipsAndCountsRowsWithoutAParsableId() throws Exception {
    TopicListPage page = TopicListParser.parse(Pages.load("list-2026.html"), Pages.LIST_1);
    assertThat(page.skippedRows()).isEqualTo(2);
  }

  @Test
  void keepsTheFirstOfTwoRowsWithTheSameTopicId() throws Exception {
    TopicListPage page = TopicListParser.parse(Pages.load("list-2026.html"), Pages.LIST_1);
    assertThat(page.rows()).filteredOn(r -> r.topicId() == 77300123L).hasSize(1);
    assertThat(byId(page).get(77300123L).title()).isEqualTo("Le café du matin");
  }

  @Test
  void readsAllFieldsOfANormalRow() throws Exception {
    TopicRow row = byId(TopicListParser.parse(Pages.load("list-2026.html"), Pages.LIST_1)).get(77300123L);
    assertThat(row).isEqualTo(new TopicRow(77300123L, "Le café du matin",
        "https://www.jeuxvideo.com/forums/42-51-77300123-1-0-1-0-le-cafe-du-matin.htm", 3,
        Instant.parse("2026-11-25T20:04:33Z"), 1, false, "PetitNuage_42"));
  }

  @Test
  void decodesTitleEntitiesAndReadsTheLastPageFromTheJvCareLink() throws Exception {
    TopicRow row = byId(TopicListParser.parse(Pages.load("list-2026.html"), Pages.LIST_1)).get(77300456L);
    assertThat(row.title()).isEqualTo("Vos stickers préférés ? Postez-les ici & discutez \"librement\"");
    assertThat(row.replyCount()).isEqualTo(734);
    assertThat(row.lastPage()).isEqualTo(37);
    assertThat(row.author()).isEqualTo("Stickeur"); // logged-in avatar link
    assertThat(row.pinned()).isFalse();
  }

  @Test
  void prefersTheDecodedLastPageLinkOverTheReplyCount() throws Exception {
    TopicRow row = byId(TopicListParser.parse(Pages.load("list-2026.html"), Pages.LIST_1)).get(77300502L);
    assertThat(row.replyCount()).isEqualTo(45); // would give 3 pages
    assertThat(row.lastPage()).isEqualTo(2);
  }

  @Test
  void marksPinnedAndPinnedLockedTopics() throws Exception {
    Map<Long, TopicRow> rows = byId(TopicListParser.parse(Pages.load("list-2026.html"), Pages.LIST_1));
    assertThat(rows.get(77200001L).pinned()).isTrue();
    assertThat(rows.get(77200002L).pinned()).isTrue();
    assertThat(rows.get(77200002L).lastPage()).isEqualTo(100);
    assertThat(rows.get(77200002L).title()).isEqualTo("[ARCHIVE] Ancien sujet épinglé");
  }

  @Test
  void keepsTheDeletedAuthorAndLeavesAMissingAuthorNull() throws Exception {
    Map<Long, TopicRow> rows = byId(TopicListParser.parse(Pages.load("list-2026.html"), Pages.LIST_1));
    assertThat(rows.get(77300500L).author()).isEqualTo("Pseudo supprimé");
    assertThat(rows.get(77300501L).author()).isNull();
    assertThat(rows.get(77300501L).lastPage()).isEqualTo(2);
  }

  @Test
  void leavesTheLastPostDateNullWhenOnlyARelativeDateIsShown() throws Exception {
    TopicRow row = byId(TopicListParser.parse(Pages.load("list-2026.html"), Pages.LIST_1)).get(77300503L);
    assertThat(row.lastPostAt()).isNull();
    assertThat(row.lastPage()).isEqualTo(1);
  }

  @Test
  void readsTheLegacyListAsAFallback() throws Exception {
    TopicListPage page = TopicListParser.parse(Pages.load("list-legacy.html"), Pages.LIST_1);
    assertThat(page.skippedRows()).isEqualTo(1);
    assertThat(page.rows()).containsExactly(
        new TopicRow(68000001L, "Règles & charte",
            "https://www.jeuxvideo.com/forums/42-51-68000001-1-0-1-0-regles.htm", 0,
            Instant.parse("2021-06-02T20:25:06Z"), 1, true, "ModoLegacy"),
        new TopicRow(68000002L, "Un sujet \"chaud\"",
            "https://www.jeuxvideo.com/forums/42-51-68000002-1-0-1-0-un-sujet.htm", 40, null, 3, false, "Bavard"));
  }

  @Test
  void refusesAChallengePage() {
    assertThatThrownBy(() -> TopicListParser.parse(Pages.load("challenge.html"), Pages.LIST_1))
        .isInstanceOfSatisfying(PageParseException.class, e -> assertThat(e.reason()).isEqualTo("challenge page"));
  }

  @Test
  void refusesAnUnrelatedPage() {
    assertThatThrownBy(() -> TopicListParser.parse(Pages.load("unrelated.html"), Pages.LIST_1))
        .isInstanceOfSatisfying(PageParseException.class, e -> assertThat(e.reason()).isEqualTo("no tablesForum"));
  }

  @Test
  void refusesATruncatedList() {
    String html = Pages.load("list-2026.html");
    String cut = html.substring(0, html.indexOf("Topic sans avatar"));
    assertThatThrownBy(() -> TopicListParser.parse(cut, Pages.LIST_1))
        .isInstanceOfSatisfying(PageParseException.class, e -> assertThat(e.reason()).isEqualTo("truncated html"));
  }

  @Test
  void acceptsAPageCutAfterTheList() throws Exception {
    String html = Pages.load("list-2026.html");
    String cut = html.substring(0, html.indexOf("<footer"));
    assertThat(TopicListParser.parse(cut, Pages.LIST_1).rows()).hasSize(8);
  }
}
