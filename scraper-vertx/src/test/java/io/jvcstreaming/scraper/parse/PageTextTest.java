package io.jvcstreaming.scraper.parse;

import static io.jvcstreaming.scraper.parse.GeneratedForums.outcome;
import static org.assertj.core.api.Assertions.assertThat;

import io.jvcstreaming.simulator.model.Topic;
import io.jvcstreaming.simulator.model.World;
import io.jvcstreaming.simulator.render.TopicPageRenderer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A topic page parsed from its undecoded bytes ({@link PageText#read}, as the HTTP client hands it over) gives what
 * the decoded page gives: on every page of generated forums, on the fixtures, and on thousands of mutants with
 * non-ASCII characters spliced where the fast path looks (tag names, the payload's assignment and literal, the
 * message ids). The outcome compared is the whole {@link TopicPage} or the parse error's message.
 */
class PageTextTest {

  private static final String SITE = "https://www.jeuxvideo.com";

  private record Page(String url, String html) {
  }

  /** Every page of every topic of a static forum of that seed, as the simulator serves them. */
  private static List<Page> forumTopicPages(long seed, int topics) {
    World world = GeneratedForums.generate(seed, topics);
    return world.read(() -> {
      List<Page> pages = new ArrayList<>();
      for (Topic topic : world.listOrder()) {
        for (int p = 1; p <= topic.pageCount(); p++) {
          pages.add(new Page(SITE + topic.pageUrl(p), TopicPageRenderer.render(topic, p)));
        }
      }
      return pages;
    });
  }

  /** The page as the HTTP client gives it: its UTF-8 bytes, read as the charset {@link PageText} asks for. */
  private static PageText fetched(String html) {
    byte[] utf8 = html.getBytes(StandardCharsets.UTF_8);
    return PageText.read(StandardCharsets.UTF_8, cs -> new String(utf8, cs));
  }

  private static Object fromBytes(Page page) {
    return outcome(() -> TopicPageParser.parse(fetched(page.html()), page.url()));
  }

  private static Object decoded(Page page) {
    return outcome(() -> TopicPageParser.parse(page.html(), page.url()));
  }

  @ParameterizedTest
  @ValueSource(longs = {51, 7})
  void everyGeneratedPageReadsTheSameFromItsBytes(long seed) {
    List<Page> pages = forumTopicPages(seed, 120);
    int fromPayload = 0;
    for (Page page : pages) {
      Object bytes = fromBytes(page);
      assertThat(bytes).as(page.url()).isEqualTo(decoded(page));
      if (bytes instanceof TopicPage t && t.source() == TopicPage.Source.PAYLOAD) {
        fromPayload++;
      }
    }
    // the fast path, the one that reads the undecoded page, is what most of a crawl takes
    assertThat(fromPayload).isGreaterThan(pages.size() / 2);
  }

  @ParameterizedTest
  @ValueSource(strings = {"topic-2026-example.html", "topic-2026-last-locked.html", "topic-2026-middle.html",
      "topic-2026-p1.html", "topic-2026-payload-only.html", "topic-2026-truncated.html", "topic-legacy.html",
      "challenge.html", "unrelated.html"})
  void everyFixtureReadsTheSameFromItsBytes(String name) {
    Page page = new Page(Pages.EXAMPLE_URL, Pages.load(name));
    assertThat(fromBytes(page)).isEqualTo(decoded(page));
  }

  @Test
  void aPageReadFromTheMarkupHasItsAccentsDecoded() throws PageParseException {
    // no payload: the markup path, which needs the page decoded
    String html = Pages.load("topic-2026-example.html");
    String markupOnly = html.replaceAll("<script>[^<]*forumsAppPayload[^<]*</script>", "");
    assertThat(Payload.present(markupOnly)).isFalse();
    TopicPage page = TopicPageParser.parse(fetched(markupOnly), Pages.EXAMPLE_URL);
    assertThat(page.source()).isEqualTo(TopicPage.Source.HTML);
    assertThat(page).isEqualTo(TopicPageParser.parse(markupOnly, Pages.EXAMPLE_URL));
    assertThat(page.posts())
        .anySatisfy(p -> assertThat(p.text() + p.author() + p.topic()).containsPattern("[éèàçœ]"));
  }

  @Test
  void randomMutantsWithNonAsciiSplicedInReadTheSameFromTheirBytes() {
    List<Page> pages = new ArrayList<>(forumTopicPages(3, 40));
    pages.add(new Page(Pages.EXAMPLE_URL, Pages.load("topic-2026-example.html")));
    // characters whose UTF-8 bytes are all at or above 0x80, and which Java folds, calls whitespace or a letter
    String[] splices = {"\u0130", "\u0131", "\u017f", "\u212a", "\u00a0", "\u2028", "\u3000", "\u1680", "\u00e9",
        "\u00c9", "\ud83d\ude00", "\\u00e9", "\\", "\"", "'", "<", ">", "</div>", "<div>", " ", "\n", "<!--", "-->"};
    // where the fast path looks: the payload's name, a message id, the container, tag names, the page's end
    List<String> where = List.of("forumsAppPayload", "id=\"message-", "id=\"listMessages\"", "<div", "</div",
        "</html");
    SplittableRandom random = new SplittableRandom(20261203);
    int parsed = 0;
    int tried = 4_000;
    for (int n = 0; n < tried; n++) {
      Page page = pages.get(random.nextInt(pages.size()));
      StringBuilder sb = new StringBuilder(page.html());
      for (int k = 1 + random.nextInt(3); k > 0; k--) {
        String anchor = where.get(random.nextInt(where.size()));
        int at = sb.indexOf(anchor, random.nextInt(Math.max(1, sb.length() / 2)));
        if (at < 0) {
          at = Math.max(0, sb.indexOf(anchor));
        }
        // right after the anchor half the time (a tag name's end, the payload's '='), anywhere near it otherwise
        int offset = Math.min(sb.length() - at, random.nextBoolean() ? anchor.length()
            : random.nextInt(anchor.length() + 24));
        sb.insert(at + offset, splices[random.nextInt(splices.length)]);
      }
      if (random.nextInt(3) == 0) {
        // without its end the page is whole only if the container's tags balance: the count of tags decides
        int end = sb.lastIndexOf("</html");
        sb.setLength(end < 0 ? sb.length() : end);
      }
      Page mutant = new Page(page.url(), sb.toString());
      Object bytes = fromBytes(mutant);
      assertThat(bytes).as("mutant %d of %s", n, page.url()).isEqualTo(decoded(mutant));
      parsed += bytes instanceof TopicPage ? 1 : 0;
    }
    assertThat(parsed).as("mutants that still parse").isGreaterThan(tried / 4);
  }
}
