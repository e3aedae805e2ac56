package io.jvcstreaming.scraper.parse;

import static io.jvcstreaming.scraper.parse.GeneratedForums.outcome;
import static org.assertj.core.api.Assertions.assertThat;

import io.jvcstreaming.simulator.markup.ForumUrls;
import io.jvcstreaming.simulator.model.World;
import io.jvcstreaming.simulator.render.ListPageRenderer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The jsoup-free list scan gives what the jsoup path gives ({@link TopicListParser#viaJsoup}): on every list page
 * of generated forums, on the fixture list, on hand-picked markup jsoup restructures, and on thousands of pages
 * mutated at random. Where the scan answers null the parser uses jsoup, so the property is "null or equal" (the
 * same rows, or the same parse error), plus the checks that the scan does answer for what the forum renders.
 */
class ListPageScanTest {

  private static final String BASE = "https://www.jeuxvideo.com" + ForumUrls.listPage(1);
  private static final String FIXTURE_URL = Pages.LIST_1;

  /** Every list page of a static forum of that seed, as the simulator serves them. */
  private static List<String> forumListPages(long seed, int topics) {
    World world = GeneratedForums.generate(seed, topics);
    Instant now = GeneratedForums.NOW;
    return world.read(() -> {
      List<String> pages = new ArrayList<>();
      int count = ListPageRenderer.pageCount(world.listOrder().size());
      for (int p = 1; p <= count; p++) {
        pages.add(ListPageRenderer.render(world.listOrder(), p, now.plusSeconds(p * 97L)));
      }
      return pages;
    });
  }

  private static void assertSameAsJsoup(String html, String url) throws PageParseException {
    TopicListPage fast = TopicListParser.viaScan(html, url);
    assertThat(fast).as("scan of %s", html).isNotNull();
    assertThat(fast).isEqualTo(TopicListParser.viaJsoup(html, url));
  }

  /** Null or the same outcome as jsoup's; true if the scan answered. */
  private static boolean nullOrSameAsJsoup(String html, String url) {
    Object fast = outcome(() -> TopicListParser.viaScan(html, url));
    if (fast == null) {
      return false;
    }
    assertThat(fast).as("scan of %s", html).isEqualTo(outcome(() -> TopicListParser.viaJsoup(html, url)));
    assertThat(outcome(() -> TopicListParser.parse(html, url))).isEqualTo(fast);
    return true;
  }

  @ParameterizedTest
  @ValueSource(longs = {51, 1, 2, 3})
  void readsEveryGeneratedListPageAsJsoupDoes(long seed) throws PageParseException {
    List<String> pages = forumListPages(seed, 300);
    assertThat(pages).hasSize(12);
    int rows = 0;
    for (String html : pages) {
      assertSameAsJsoup(html, BASE);
      rows += TopicListParser.viaScan(html, BASE).rows().size();
    }
    assertThat(rows).isEqualTo(300);
  }

  @Test
  void readsTheFixtureListAsJsoupDoes() throws PageParseException {
    assertSameAsJsoup(Pages.load("list-2026.html"), FIXTURE_URL);
  }

  @Test
  void leavesTheLegacyListChallengeAndUnrelatedPagesToJsoup() throws PageParseException {
    for (String page : List.of("list-legacy.html", "challenge.html", "unrelated.html")) {
      assertThat(TopicListParser.viaScan(Pages.load(page), FIXTURE_URL)).as(page).isNull();
    }
  }

  /** Markup in a row that jsoup reads differently from its nesting as written (or the scan does not reproduce). */
  @ParameterizedTest
  @ValueSource(strings = {
      "<p><div>x</div></p>",                                  // a block closes the paragraph
      "<a href=\"/a\"><a href=\"/b\">x</a></a>",              // nested links are split
      "<button><button>x</button></button>",                 // a button closes the open one
      "<h1><h2>x</h2></h1>",                                  // a heading closes the open one
      "<!-- <ul class=\"tablesForum tablesForum--listTopics\"></ul> -->",
      "<span>1 < 2</span>",                                   // stray <
      "<span>&eacute</span>",                                 // reference without ;
      "<span title=\"caf&eacute\">x</span>",                   // in an attribute too
      "<table><tr><td>x</td></tr></table>",                   // foster parenting
      "<span/>",                                              // self-closed ordinary element
      "<div><span></div></span>",                             // misnesting
      "<li>x</li>",                                           // a list item outside a list
      "<textarea><ul></textarea>",                            // unknown (raw text) element
      "<span>\r\n</span>",                                    // CR, which jsoup's reader folds
      "<base href=\"https://other.example/\">",               // changes every absolute URL
  })
  void refusesMarkupJsoupRestructures(String markup) throws PageParseException {
    String page = Pages.load("list-2026.html");
    String cell = "<div class=\"tablesForum__cellParticipants js-topic-participants-action\">";
    String mutated = page.replaceFirst(cell, cell + markup.replace("$", "\\$"));
    assertThat(mutated).isNotEqualTo(page);
    assertThat(TopicListParser.viaScan(mutated, FIXTURE_URL)).isNull();
  }

  @Test
  void refusesAPageCutShortAndAScriptWithACommentOpener() throws PageParseException {
    String page = Pages.load("list-2026.html");
    assertThat(TopicListParser.viaScan(page.substring(0, page.indexOf("</ul>")), FIXTURE_URL)).isNull();
    assertThat(TopicListParser.viaScan(page.substring(0, page.indexOf("</body>")), FIXTURE_URL)).isNull();
    String script = page.replace("</body>", "<script>var s = '<!--<script>'; </script></body>");
    assertThat(TopicListParser.viaScan(script, FIXTURE_URL)).isNull();
    String plain = page.replace("</body>", "<script>var s = '</scrip' + 't>';</script></body>");
    assertSameAsJsoup(plain, FIXTURE_URL);
  }

  @Test
  void asksJsoupForTheTitleTextOfASubjectWithMarkupInside() throws PageParseException {
    String page = Pages.load("list-2026.html").replaceFirst(
        "title=\"R&egrave;gles du forum\"><i", "title=\"\"><i")
        .replaceFirst("> R&egrave;gles du forum </span>", "> R&egrave;gles <b>du</b> forum </span>");
    assertThat(TopicListParser.viaScan(page, FIXTURE_URL)).isNull();
    assertThat(TopicListParser.parse(page, FIXTURE_URL).rows().get(0).title()).isEqualTo("Règles du forum");
  }

  @Test
  void readsRandomMutantsOfTheListPagesAsJsoupDoesOrRefusesThem() {
    List<String> pages = new ArrayList<>(forumListPages(7, 60));
    pages.add(Pages.load("list-2026.html"));
    String[] splices = {
        "<p>", "</p>", "<div>", "</div>", "<span>", "</span>", "<a href=\"/x.htm\">", "</a>", "<li>", "</li>",
        "<li id=\"topic-1\" class=\"tablesForum__bodyRow\">", "<ul class=\"tablesForum tablesForum--listTopics\">",
        "</ul>", "<b>", "</b>", "<br>", "<br/>", "<img src=x>", "<ins>", "&amp;", "&eacute;", "&#233;", "&nbsp;",
        "&", "&lt", "<", ">", "\"", "'", " ", "\n", "<!-- c -->", "<table>", "<button>", "</button>", "<h1>",
        "<i class=\"topic-pin-on\">", "</i>", "class=\"tablesForum__cellSubject\"", "title=\"\"",
        "<span class=\"tablesForum__subjectText\">", "<span class=\"tablesForum__cellText--msg\">12</span>",
        "<script>", "</script>", "<ul>", "<ol>", "</body>", "</html>", "<head>", "<body>", "\u00a0", "\u200b"};
    SplittableRandom random = new SplittableRandom(12);
    int answered = 0;
    int tried = 3_000;
    for (int n = 0; n < tried; n++) {
      String page = pages.get(random.nextInt(pages.size()));
      StringBuilder sb = new StringBuilder(page);
      for (int k = 1 + random.nextInt(3); k > 0; k--) {
        int at = inContainer(sb, random);
        switch (random.nextInt(3)) {
          case 0 -> sb.insert(at, splices[random.nextInt(splices.length)]);
          case 1 -> sb.delete(at, Math.min(sb.length(), at + 1 + random.nextInt(12)));
          default -> {
            int to = Math.min(sb.length(), at + 1 + random.nextInt(80));
            sb.insert(to, sb.substring(at, to));
          }
        }
      }
      String mutant = sb.toString();
      answered += nullOrSameAsJsoup(mutant, BASE) ? 1 : 0;
    }
    assertThat(answered).as("mutants the scan answered").isGreaterThan(tried / 10);
  }

  /** A position near a tag boundary inside the topic container, where the mutations matter. */
  private static int inContainer(StringBuilder sb, SplittableRandom random) {
    int from = Math.max(0, sb.indexOf("tablesForum--listTopics"));
    int to = sb.indexOf("</ul>", from);
    to = to < 0 ? sb.length() : to + 5;
    int at = from + random.nextInt(Math.max(1, to - from));
    int lt = sb.indexOf(random.nextBoolean() ? "<" : ">", at);
    return lt < 0 ? at : lt + random.nextInt(2);
  }
}
