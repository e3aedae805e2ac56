package io.jvcstreaming.scraper.source;

import static org.assertj.core.api.Assertions.assertThat;

import io.jvcstreaming.scraper.parse.TopicPage;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which URLs a 304 can be answered for, after a script of reads, parse failures and 304 answers. */
class AnswerCacheTest {

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

  private static TopicPage page(String url) {
    return new TopicPage(url.charAt(0), url, 1, 1, List.of(), 0, false, TopicPage.Source.HTML);
  }
}
