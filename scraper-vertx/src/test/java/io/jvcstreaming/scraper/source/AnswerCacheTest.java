package io.jvcstreaming.scraper.source;

import static org.assertj.core.api.Assertions.assertThat;

import io.jvcstreaming.scraper.parse.TopicPage;
import java.util.List;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which URLs a 304 can be answered for, after a script of reads, parse failures and 304 answers. */
class AnswerCacheTest {

  private static final IntFunction<String> TOPIC =
      page -> "https://www.jeuxvideo.com/forums/42-51-74000001-" + page + "-0-1-0-un-sujet.htm";
  private static final IntFunction<String> OTHER =
      page -> "https://www.jeuxvideo.com/forums/42-51-74000002-" + page + "-0-1-0-un-autre.htm";

  /** Steps: {@code +u} a 200 read of u, {@code -u} u did not parse, {@code ?u} a 304 answered for u (refreshes it). */
  @ParameterizedTest(name = "size {0}: {1}")
  @CsvSource(delimiter = '|', value = {
      "3 | +a +b                 | a b",
      "3 | +a -a                 | ''",
      "2 | +a +b +c              | b c",
      "2 | +a +b ?a +c           | a c",
      "2 | +a +b +a +c           | a c",
      "2 | ?a +a                 | a",
  })
  void answersOnlyWhatItStillHolds(int size, String script, String held) {
    AnswerCache cache = new AnswerCache(size);
    for (String step : script.trim().split("\\s+")) {
      String url = step.substring(1);
      switch (step.charAt(0)) {
        case '+' -> cache.read(url, page(url));
        case '-' -> cache.forget(url);
        default -> cache.answer304(url);
      }
    }
    for (String url : List.of("a", "b", "c")) {
      boolean expected = List.of(held.split(" ")).contains(url);
      assertThat(cache.canAnswer304(url)).as(url).isEqualTo(expected);
      assertThat(cache.answer304(url)).as(url).isEqualTo(expected ? page(url) : null);
    }
  }

  @Test
  void aSettledTopicKeepsOnlyItsLastPageAndOtherTopicsKeepTheirs() {
    AnswerCache cache = new AnswerCache(100);
    for (int page = 1; page <= 4; page++) {
      cache.read(TOPIC.apply(page), page(TOPIC.apply(page)));
      cache.read(OTHER.apply(page), page(OTHER.apply(page)));
    }
    cache.settled(TOPIC.apply(2), 3); // any page's URL names the topic

    assertThat(cache.canAnswer304(TOPIC.apply(1))).isFalse();
    assertThat(cache.canAnswer304(TOPIC.apply(2))).isFalse();
    assertThat(cache.answer304(TOPIC.apply(3))).isEqualTo(page(TOPIC.apply(3)));
    assertThat(cache.canAnswer304(TOPIC.apply(4))).as("a page past the bookmark, read by this crawl").isTrue();
    for (int page = 1; page <= 4; page++) {
      assertThat(cache.canAnswer304(OTHER.apply(page))).as("other topic, page " + page).isTrue();
    }
  }

  private static TopicPage page(String url) {
    return new TopicPage(url.charAt(0), url, 1, 1, List.of(), 0, false, TopicPage.Source.HTML);
  }
}
