package io.jvcstreaming.scraper.source;

import static org.assertj.core.api.Assertions.assertThat;

import io.jvcstreaming.model.Post;
import io.jvcstreaming.scraper.log.Bookmark;
import io.jvcstreaming.scraper.parse.TopicPage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The crawl of one topic, one row per story: the bookmark, the page count the list announced, what each page
 * fetched answers, and the steps the crawl takes.
 *
 * <p>Answers: {@code L/a-b} a page saying the topic has L pages, holding posts a..b ({@code L/-}: none);
 * {@code R:n} a redirect to page n of this topic, {@code R:home} to the forum's home, {@code R:other} to another
 * topic; {@code G} 404/410. Steps: {@code Fn} fetch page n, {@code An:a-b@L} append n posts a..b with last page L,
 * {@code N} nothing new, {@code G} gone, {@code X:reason} fail.
 */
class TopicCrawlTest {

  private static final long TOPIC = 77300123L;
  private static final String URL = "https://www.jeuxvideo.com/forums/42-51-77300123-1-0-1-0-un-sujet.htm";

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      // story                                  | bookmark | list | backfill | answers                | steps
      "new topic: read back backfill pages      | 0/0      | 3    | 2        | 3/41-60 3/21-40        | F3 F2 A40:21-60@3",
      "new topic on one page                    | 0/0      | 1    | 5        | 1/1-5                  | F1 A5:1-5@1",
      "known topic: stop at a page already seen | 50/3     | 3    | 2        | 3/41-60                | F3 A10:51-60@3",
      "every post new: the page before too      | 30/2     | 3    | 2        | 3/41-60 3/21-40        | F3 F2 A30:31-60@3",
      "all new down to page 1                   | 10/3     | 3    | 2        | 3/41-60 3/21-40 3/11-20 | F3 F2 F1 A50:11-60@3",
      "nothing new, same page count             | 60/3     | 3    | 2        | 3/41-60                | F3 N",
      "nothing new, the page count moved        | 60/2     | 3    | 2        | 3/41-60                | F3 A0@3",
      "empty last page                          | 50/3     | 3    | 2        | 3/-                    | F3 N",
      "grew: restart from the new last page     | 50/3     | 3    | 2        | 4/41-60 4/61-65 4/41-60 | F3 F4 F3 A15:51-65@4",
      "keeps growing: give up after 3 restarts  | 50/3     | 3    | 2        | 4/- 5/- 6/- 7/-        | F3 F4 F5 F6 X:topic keeps growing during the crawl",
      "a page count seen below the start is kept | 50/3    | 3    | 2        | 3/51-60 5/41-50        | F3 F2 A10:51-60@5",
      "posts shifted by deletions read once     | 0/0      | 2    | 3        | 2/21-40 2/15-30        | F2 F1 A26:15-40@2",
      "404/410: gone                            | 50/3     | 3    | 2        | G                      | F3 G",
      "sent to the forum's home: gone           | 50/3     | 3    | 2        | R:home                 | F3 G",
      "sent to another topic: gone              | 50/3     | 3    | 2        | R:other                | F3 G",
      "shrank: redirect from the start page     | 50/5     | 5    | 2        | R:3 3/41-60            | F5 F3 A10:51-60@3",
      "shrank under us: follow to the real page | 10/3     | 3    | 2        | 3/41-60 R:1 3/1-20     | F3 F2 F1 A30:11-60@3",
      "redirect to the same page: a loop        | 50/3     | 3    | 2        | R:3                    | F3 X:redirect loop to page 3 from 3",
      "redirect forwards: a loop                | 10/3     | 3    | 2        | 3/41-60 R:3            | F3 F2 X:redirect loop to page 3 from 2",
  })
  void crawlsOneTopic(String story, String bookmark, int listPages, int backfill, String answers, String steps) {
    String[] b = bookmark.split("/");
    TopicCrawl crawl = new TopicCrawl(new TopicWork(TOPIC, URL, listPages, "t"),
        new Bookmark(TOPIC, Long.parseLong(b[0]), Integer.parseInt(b[1])), backfill);
    List<String> taken = new ArrayList<>();
    TopicCrawl.Step step = crawl.start();
    taken.add(show(step));
    for (String answer : answers.trim().split("\\s+")) {
      assertThat(step.kind()).as(story + ": a step after the end").isEqualTo(TopicCrawl.Kind.FETCH);
      step = apply(crawl, step.page(), answer);
      taken.add(show(step));
    }
    assertThat(String.join(" ", taken)).as(story).isEqualTo(steps);
  }

  @Test
  void fetchesThePageUrlsOfTheTopic() {
    TopicCrawl crawl = new TopicCrawl(new TopicWork(TOPIC, URL, 7, "t"), Bookmark.none(TOPIC), 3);
    assertThat(crawl.start().url())
        .isEqualTo("https://www.jeuxvideo.com/forums/42-51-77300123-7-0-1-0-un-sujet.htm");
    assertThat(crawl.onPage(7, page(7, 7, 121, 140)).url())
        .isEqualTo("https://www.jeuxvideo.com/forums/42-51-77300123-6-0-1-0-un-sujet.htm");
  }

  @Test
  void appendsEachPostOnceInIdOrderAsTheFirstPageReadGaveIt() {
    TopicCrawl crawl = new TopicCrawl(new TopicWork(TOPIC, URL, 2, "t"), Bookmark.none(TOPIC), 3);
    crawl.start();
    crawl.onPage(2, page(2, 2, 21, 30));
    TopicCrawl.Step end = crawl.onPage(1, page(1, 2, 1, 25));
    assertThat(end.fresh()).extracting(Post::id).isSorted().doesNotHaveDuplicates().hasSize(30);
    assertThat(end.fresh().get(24).text()).as("post 25 as page 2 gave it").isEqualTo("p2 #25");
  }

  private static TopicCrawl.Step apply(TopicCrawl crawl, int page, String answer) {
    if (answer.equals("G")) {
      return crawl.onGone();
    }
    if (answer.startsWith("R:")) {
      String to = answer.substring(2);
      String location = switch (to) {
        case "home" -> "https://www.jeuxvideo.com/forums.htm";
        case "other" -> "https://www.jeuxvideo.com/forums/42-51-99999999-2-0-1-0-autre.htm";
        default -> "https://www.jeuxvideo.com/forums/42-51-77300123-" + to + "-0-1-0-un-sujet.htm";
      };
      return crawl.onRedirect(page, location);
    }
    String[] parts = answer.split("/");
    int last = Integer.parseInt(parts[0]);
    if (parts[1].equals("-")) {
      return crawl.onPage(page, page(page, last, 1, 0));
    }
    String[] ids = parts[1].split("-");
    return crawl.onPage(page, page(page, last, Long.parseLong(ids[0]), Long.parseLong(ids[1])));
  }

  private static TopicPage page(int page, int last, long from, long to) {
    List<Post> posts = new ArrayList<>();
    for (long id = from; id <= to; id++) {
      posts.add(new Post(Post.UNSEQUENCED, id, TOPIC, "t", "a", Instant.EPOCH, "p" + page + " #" + id, List.of(), URL));
    }
    return new TopicPage(TOPIC, "t", page, last, posts, 0, false, TopicPage.Source.HTML);
  }

  private static String show(TopicCrawl.Step step) {
    return switch (step.kind()) {
      case FETCH -> "F" + step.page();
      case APPEND -> "A" + step.fresh().size() + (step.fresh().isEmpty() ? ""
          : ":" + step.fresh().get(0).id() + "-" + step.fresh().get(step.fresh().size() - 1).id()) + "@" + step.lastPage();
      case NOTHING_NEW -> "N";
      case GONE -> "G";
      case FAIL -> "X:" + step.reason();
    };
  }
}
