package io.jvcstreaming.scraper.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jvcstreaming.model.Post;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The markup strategy on its own: which message roots it accepts, what it counts as skipped, the page count. */
class MarkupReaderTest {

  private static final String URL = "https://www.jeuxvideo.com/forums/42-51-77300123-2-0-1-0-un-sujet.htm";

  private static String message(String rootOpen, String rootClose, String label, String date, String body) {
    return rootOpen
        + (label == null ? "" : "<span class=\"messageUser__label\">" + label + "</span>")
        + (date == null ? "" : "<span class=\"messageUser__date\">" + date + "</span>")
        + (body == null ? "" : "<div class=\"messageUser__msg\"><p>" + body + "</p></div>")
        + "<div class=\"messageUser__signature\"><span class=\"messageUser__label\">not the author</span></div>"
        + rootClose;
  }

  private static String page(String pagination, String... messages) {
    return "<!doctype html><html><head><title>Un sujet sur le forum Blabla</title></head><body>"
        + "<h2 class=\"titleMessagesUsers__title\">Un sujet</h2>"
        + "<div class=\"pagination\">" + pagination + "</div>"
        + "<div id=\"listMessages\">" + String.join("", messages) + "</div></body></html>";
  }

  private static final String DATE = "25 novembre 2026 à 21:04:33";

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "2026 root carries the id|<div id=\"message-11\" class=\"messageUser\">| </div>       | 1     | 0",
      "hydrated: id on the wrapper|<div id=\"message-11\"><div class=\"messageUser x\">|</div></div>| 1 | 0",
      "no id: skipped, not half-read|<div class=\"messageUser\">        | </div>        | 0     | 1",
      "id not a number            |<div id=\"message-abc\" class=\"messageUser\">| </div>  | 0     | 1",
  })
  void acceptsTheMessageRootsTheForumWrites(String what, String open, String close, int posts, int skipped)
      throws Exception {
    TopicPage page = MarkupReader.read(page("", message(open.strip(), close.strip(), "Auteur", DATE, "Salut")), URL);
    assertThat(page.posts()).as(what).hasSize(posts);
    assertThat(page.skippedMessages()).as(what).isEqualTo(skipped);
    assertThat(page.source()).isEqualTo(TopicPage.Source.HTML);
  }

  @ParameterizedTest(name = "missing {0}")
  @CsvSource({"label", "date", "body", "bad date"})
  void aMessageWithoutAuthorDateOrBodyIsSkippedNeverHalfFilled(String missing) throws Exception {
    String msg = message("<div id=\"message-12\" class=\"messageUser\">", "</div>",
        missing.equals("label") ? null : "Auteur",
        missing.equals("date") ? null : missing.equals("bad date") ? "hier soir" : DATE,
        missing.equals("body") ? null : "Salut");
    TopicPage page = MarkupReader.read(page("", msg), URL);
    assertThat(page.posts()).isEmpty();
    assertThat(page.skippedMessages()).isEqualTo(1);
  }

  @Test
  void readsAuthorDateAndBodyButNotTheSignature() throws Exception {
    TopicPage page = MarkupReader.read(page("",
        message("<div id=\"message-13\" class=\"messageUser\">", "</div>", "Auteur", DATE, "Salut  à tous")), URL);
    assertThat(page.posts()).containsExactly(new Post(Post.UNSEQUENCED, 13, 77300123L, "Un sujet", "Auteur",
        Instant.parse("2026-11-25T20:04:33Z"), "Salut à tous", List.of(), URL));
  }

  @Test
  void theHydratedCopyOfAMessageIsReadOnceAndPostsComeInIdOrder() throws Exception {
    String m20 = message("<div id=\"message-20\" class=\"messageUser\">", "</div>", "B", DATE, "deux");
    String m10 = message("<div id=\"message-10\" class=\"messageUser\">", "</div>", "A", DATE, "un");
    TopicPage page = MarkupReader.read(page("", m20, m10, m20), URL);
    assertThat(page.posts()).extracting(Post::id).containsExactly(10L, 20L);
    assertThat(page.skippedMessages()).isZero();
  }

  @Test
  void thePageCountComesFromPaginationLinksOfThisTopicOnly() throws Exception {
    String pagination = "<span class=\"pagination__item pagination__item--current\">2</span>"
        + "<a href=\"/forums/42-51-77300123-7-0-1-0-un-sujet.htm\">7</a>"
        + "<a href=\"/forums/42-51-99999999-40-0-1-0-autre.htm\">40</a>";
    TopicPage page = MarkupReader.read(page(pagination,
        message("<div id=\"message-13\" class=\"messageUser\">", "</div>", "Auteur", DATE, "x")), URL);
    assertThat(page.currentPage()).isEqualTo(2);
    assertThat(page.lastPage()).isEqualTo(7);
  }

  @Test
  void anEmptyContainerWithoutPayloadIsNoMessagesNotAnEmptyPage() {
    assertThatThrownBy(() -> MarkupReader.read(page(""), URL))
        .isInstanceOfSatisfying(PageParseException.class, e -> assertThat(e.reason()).isEqualTo("no messages"));
  }

  @Test
  void readsTheLegacyFixtureWhenNo2026MarkupIsThere() throws Exception {
    TopicPage page = MarkupReader.read(Pages.load("topic-legacy.html"), Pages.LEGACY_URL);
    assertThat(page.posts()).isNotEmpty();
    assertThat(page.posts()).isEqualTo(TopicPageParser.parse(Pages.load("topic-legacy.html"), Pages.LEGACY_URL).posts());
  }
}
