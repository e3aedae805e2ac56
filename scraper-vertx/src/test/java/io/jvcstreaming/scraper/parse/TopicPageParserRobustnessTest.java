package io.jvcstreaming.scraper.parse;

import static org.assertj.core.api.Assertions.assertThat;

import io.jvcstreaming.model.Post;
import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * Mutated real-shaped pages (truncated, tags deleted, bytes flipped): the parsers either refuse the page with a
 * {@link PageParseException} or return complete posts and rows, never another exception.
 */
class TopicPageParserRobustnessTest {

  private static final List<String> TOPIC_PAGES = List.of("topic-2026-p1.html", "topic-2026-example.html",
      "topic-2026-last-locked.html", "topic-2026-payload-only.html", "topic-legacy.html");
  private static final List<String> TOPIC_URLS = List.of(Pages.P1_URL, Pages.EXAMPLE_URL, Pages.LAST_URL,
      Pages.PAYLOAD_ONLY_URL, Pages.LEGACY_URL);

  interface Mutation {
    String apply(String page);
  }

  @Provide
  Arbitrary<Mutation> mutations() {
    Arbitrary<Mutation> truncate = Arbitraries.doubles().between(0, 1)
        .map(f -> page -> page.substring(0, (int) (page.length() * f)));
    Arbitrary<Mutation> deleteTags = Combinators.combine(
            Arbitraries.integers().between(1, 8), Arbitraries.longs())
        .as((count, seed) -> page -> deleteTags(page, count, seed));
    Arbitrary<Mutation> flipBytes = Combinators.combine(
            Arbitraries.integers().between(1, 16), Arbitraries.longs())
        .as((count, seed) -> page -> flipBytes(page, count, seed));
    Arbitrary<Mutation> one = Arbitraries.oneOf(truncate, deleteTags, flipBytes);
    return Combinators.combine(one, one, Arbitraries.integers().between(1, 2))
        .as((a, b, n) -> n == 1 ? a : page -> b.apply(a.apply(page)));
  }

  private static String deleteTags(String page, int count, long seed) {
    java.util.Random random = new java.util.Random(seed);
    StringBuilder sb = new StringBuilder(page);
    for (int i = 0; i < count; i++) {
      int from = sb.indexOf("<", random.nextInt(Math.max(1, sb.length())));
      if (from < 0) {
        continue;
      }
      int to = sb.indexOf(">", from);
      sb.delete(from, to < 0 ? sb.length() : to + 1);
    }
    return sb.toString();
  }

  private static String flipBytes(String page, int count, long seed) {
    java.util.Random random = new java.util.Random(seed);
    byte[] bytes = page.getBytes(StandardCharsets.UTF_8);
    if (bytes.length == 0) {
      return page;
    }
    for (int i = 0; i < count; i++) {
      int at = random.nextInt(bytes.length);
      bytes[at] ^= (byte) (1 << random.nextInt(8));
    }
    return new String(bytes, StandardCharsets.UTF_8);
  }

  @Property(tries = 300)
  void mutatedTopicPagesAreRefusedOrGiveCompletePosts(@ForAll("mutations") Mutation mutation,
                                                      @ForAll @IntRange(min = 0, max = 4) int which) {
    String page = mutation.apply(Pages.load(TOPIC_PAGES.get(which)));
    String url = TOPIC_URLS.get(which);
    check(() -> TopicPageParser.parse(page, url));
    check(() -> TopicPageParser.parseHtml(page, url));
    check(() -> TopicPageParser.parsePayload(page, url));
  }

  @Property(tries = 150)
  void mutatedListPagesAreRefusedOrGiveCompleteRows(@ForAll("mutations") Mutation mutation,
                                                    @ForAll boolean legacy) {
    String page = mutation.apply(Pages.load(legacy ? "list-legacy.html" : "list-2026.html"));
    try {
      TopicListPage list = TopicListParser.parse(page, Pages.LIST_1);
      assertThat(list.rows()).allSatisfy(r -> {
        assertThat(r.topicId()).isPositive();
        assertThat(r.title()).isNotBlank();
        assertThat(r.url()).startsWith("http");
        assertThat(r.replyCount()).isNotNegative();
        assertThat(r.lastPage()).isPositive();
      });
    } catch (PageParseException e) {
      assertThat(e.reason()).isNotBlank();
    }
  }

  @Property(tries = 200)
  void aPageCutInsideTheMessageContainerIsRefusedAsTruncated(@ForAll @IntRange(min = 1, max = 9999) int permille) {
    String page = Pages.load("topic-2026-p1.html");
    int start = page.indexOf("<div id=\"listMessages\"");
    int end = page.indexOf("<div class=\"container__pagination\">", start);
    int cut = start + (int) ((long) (end - start - 7) * permille / 10_000);
    String truncated = page.substring(0, cut);
    try {
      TopicPageParser.parse(truncated, Pages.P1_URL);
      throw new AssertionError("accepted a page cut at " + cut);
    } catch (PageParseException e) {
      assertThat(e.reason()).isEqualTo("truncated html");
    }
  }

  interface Parse {
    TopicPage run() throws PageParseException;
  }

  private static void check(Parse parse) {
    TopicPage page;
    try {
      page = parse.run();
    } catch (PageParseException e) {
      assertThat(e.reason()).isNotBlank();
      return;
    }
    assertThat(page.topicId()).isPositive();
    assertThat(page.currentPage()).isPositive();
    assertThat(page.lastPage()).isGreaterThanOrEqualTo(page.currentPage());
    assertThat(page.skippedMessages()).isNotNegative();
    assertThat(page.posts()).extracting(Post::id).isSorted().doesNotHaveDuplicates();
    for (Post p : page.posts()) {
      assertThat(p.id()).isPositive();
      assertThat(p.author()).isNotBlank();
      assertThat(p.postedAt()).isNotNull();
      assertThat(p.text()).isNotNull();
      assertThat(p.stickers()).doesNotContainNull();
      assertThat(p.seq()).isEqualTo(Post.UNSEQUENCED);
    }
  }
}
