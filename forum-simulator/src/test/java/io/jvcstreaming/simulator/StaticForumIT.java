package io.jvcstreaming.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.jvcstreaming.codec.PostCodec;
import io.jvcstreaming.model.Post;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Pages of a static forum, read over real HTTP and checked against the markup spec. No mutation here. */
class StaticForumIT {

  private static ForumSimulator sim;
  private static List<TruthPost> truth;
  private static Map<Long, TruthPost> truthById;

  @BeforeAll
  static void start() {
    sim = ForumSimulator.start(SimulatorConfig.defaults().withPort(0).withTopics(150).withSeed(42)
        .withMaxPostsPerTopic(300));
    truth = sim.truth();
    truthById = truth.stream().collect(Collectors.toMap(t -> t.post().id(), Function.identity()));
  }

  @AfterAll
  static void stop() {
    sim.close();
  }

  @Test
  void listPageHas25RowsPinnedFirstAndAnAdRow() {
    Document doc = TestHttp.page(sim.listUrl());
    Element list = doc.selectFirst("ul.tablesForum.tablesForum--listTopics");
    assertThat(list).isNotNull();
    assertThat(list.child(0).hasClass("tablesForum__headRow")).isTrue();
    Elements rows = list.select("li.tablesForum__bodyRow[id^=topic-]");
    assertThat(rows).hasSize(25);
    assertThat(list.select("li.dfp__atf > ins")).hasSize(1);
    assertThat(rows.get(0).selectFirst("i.tablesForum__subjectMarkerIcon").className()).contains("icon-topic-pin");
    assertThat(rows.get(2).selectFirst("i.tablesForum__subjectMarkerIcon").className()).contains("icon-topic-folder");
    JsonNode payload = SpecExtraction.payload(doc);
    for (int i = 0; i < rows.size(); i++) {
      Element row = rows.get(i);
      Element subject = row.selectFirst("a.tablesForum__cellSubject");
      long id = Long.parseLong(row.id().substring("topic-".length()));
      JsonNode topic = payload.get("listTopics").get(i);
      assertThat(topic.get("id").asLong()).isEqualTo(id);
      assertThat(subject.attr("title")).isEqualTo(topic.get("title").asText());
      assertThat(subject.selectFirst("span.tablesForum__subjectText").text().trim()).isEqualTo(topic.get("title").asText());
      assertThat(subject.attr("href")).startsWith("/forums/42-51-" + id + "-1-0-1-0-");
      assertThat(row.selectFirst(".tablesForum__firstAvatar img.avatar__image").attr("alt"))
          .isEqualTo(row.selectFirst(".tablesForum__firstAvatar").attr("title"));
      int replies = Integer.parseInt(row.selectFirst("span.tablesForum__cellText--msg").text());
      assertThat(replies).isEqualTo(topic.get("responsesCount").asInt());
      Element last = row.selectFirst("span.JvCare.tablesForum__cellLink");
      assertThat(last.attr("title")).matches("\\d{2} \\p{L}+ 2026 à \\d{2}:\\d{2}:\\d{2}");
      assertThat(SpecExtraction.jvCareDecode(last)).isEqualTo(topic.get("lastPageUrl").asText())
          .contains("-" + ((replies + 1 + 19) / 20) + "-0-1-0-");
    }
    // Below the pinned topics, newest activity first.
    List<String> dates = payload.get("listTopics").findValuesAsText("realLastMessageDate");
    assertThat(dates).isNotEmpty();
    assertThat(payload.get("pagerView").get("pageCount").asInt()).isEqualTo(6);
  }

  @Test
  void listTitlesEscapeOnlyHtmlSpecialsAndKeepAccentsRaw() {
    String html = TestHttp.text(TestHttp.get(sim.listUrl()));
    assertThat(html).doesNotContain("title=\"Le caf&eacute;").contains("<span class=\"tablesForum__subjectText\"> ");
    Document doc = Jsoup.parse(html);
    for (Element a : doc.select("a.tablesForum__cellSubject")) {
      String raw = html.substring(html.indexOf(a.attr("href")));
      assertThat(raw.substring(0, raw.indexOf("><i"))).doesNotContain("&eacute;").doesNotContain("&agrave;");
    }
  }

  @Test
  void topicPagesFollowTheSpecAndMatchTheirPayload() {
    for (long topicId : someTopics(6)) {
      TruthPost first = truth.stream().filter(t -> t.post().topicId() == topicId).findFirst().orElseThrow();
      Document doc = TestHttp.page(first.post().url());
      assertThat(doc.selectFirst("h2.titleMessagesUsers__title").text().trim()).isEqualTo(first.post().topic());
      assertThat(doc.selectFirst("nav.breadcrumb h1.breadcrumb__item").text()).isEqualTo("Topic " + first.post().topic());
      assertThat(doc.title()).matches(java.util.regex.Pattern.quote(first.post().topic())
          + " sur le forum Blabla 18-25 ans - \\d{2}-\\d{2}-\\d{4} \\d{2}:\\d{2}:\\d{2} - jeuxvideo.com");
      assertThat(doc.selectFirst("div.container__pagination.js-pagination-top").children()).isEmpty();
      Elements messages = doc.select("div#listMessages.container__messages > div.messageUser.js-hybrid-component[id^=message-]");
      assertThat(messages).isNotEmpty().hasSizeLessThanOrEqualTo(20);
      assertThat(doc.select("#listMessages > ins[data-ad-position]")).isNotEmpty();
      JsonNode payload = SpecExtraction.payload(doc);
      assertThat(payload.get("topicId").asLong()).isEqualTo(topicId);
      assertThat(payload.get("topicTitleField").asText()).isEqualTo(first.post().topic());
      JsonNode listMessage = payload.get("listMessage");
      assertThat(listMessage.size()).isEqualTo(messages.size());
      long previousId = 0;
      for (int i = 0; i < messages.size(); i++) {
        Element m = messages.get(i);
        long id = Long.parseLong(m.id().substring("message-".length()));
        assertThat(id).isGreaterThan(previousId);
        previousId = id;
        assertThat(m.previousElementSibling().id()).isEqualTo("post_" + id);
        assertThat(m.hasAttr("data-id")).isFalse();
        JsonNode pm = listMessage.get(i);
        assertThat(pm.get("id").asLong()).isEqualTo(id);
        assertThat(pm.get("stateMessage").asText()).isEqualTo("msg-visible");
        Element label = m.selectFirst(".messageUser__card .messageUser__header .messageUser__profil .messageUser__label");
        assertThat(label.text()).isEqualTo(pm.get("publishedAuthorName").asText());
        assertThat(label.hasClass("JvCare")).isEqualTo(!pm.get("publishedAuthorIsDeleted").asBoolean());
        Element date = m.selectFirst(".messageUser__date");
        assertThat(date.text()).isEqualTo(pm.get("publishedDate").asText()).matches("\\d{2} \\p{L}+ 20\\d\\d à \\d{2}:\\d{2}:\\d{2}");
        assertThat(SpecExtraction.jvCareDecode(date)).isEqualTo("/forums/message/" + id);
        Element msg = m.selectFirst("div.messageUser__main > div.messageUser__msg.js-message-user-msg");
        SpecExtraction.Extracted fromHtml = SpecExtraction.message(msg);
        SpecExtraction.Extracted fromPayload = SpecExtraction.message(
            Jsoup.parseBodyFragment(pm.get("renderedText").asText()).body());
        assertThat(fromPayload).isEqualTo(fromHtml);
      }
    }
  }

  @Test
  void truthTextAndStickersAreWhatASpecParserExtracts() {
    int checked = 0;
    int withStickers = 0;
    int withQuotes = 0;
    int withSpoilers = 0;
    for (long topicId : someTopics(25)) {
      TruthPost first = truth.stream().filter(t -> t.post().topicId() == topicId).findFirst().orElseThrow();
      int pages = (int) truth.stream().filter(t -> t.post().topicId() == topicId).count() / 20 + 1;
      for (int page = 1; page <= Math.min(pages, 3); page++) {
        Document doc = TestHttp.page(first.post().url().replace("-1-0-1-0-", "-" + page + "-0-1-0-"));
        for (Element m : doc.select("div.messageUser[id^=message-]")) {
          long id = Long.parseLong(m.id().substring("message-".length()));
          Post expected = truthById.get(id).post();
          Element msg = m.selectFirst(".messageUser__msg");
          SpecExtraction.Extracted got = SpecExtraction.message(msg);
          assertThat(got.text()).as("text of %d", id).isEqualTo(expected.text());
          assertThat(got.stickers()).as("stickers of %d", id).isEqualTo(expected.stickers());
          assertThat(m.selectFirst(".messageUser__label").text()).isEqualTo(expected.author());
          assertThat(expected.url()).isEqualTo(first.post().url());
          checked++;
          withStickers += expected.stickers().isEmpty() ? 0 : 1;
          withQuotes += msg.select("blockquote.message__blockquote").isEmpty() ? 0 : 1;
          withSpoilers += msg.select(".message__spoil").isEmpty() ? 0 : 1;
        }
      }
    }
    assertThat(checked).isGreaterThan(200);
    assertThat(withStickers).isGreaterThan(5);
    assertThat(withQuotes).isGreaterThan(5);
    assertThat(withSpoilers).isGreaterThan(5);
  }

  @Test
  void theForumShowsEveryAwkwardConstructSomewhere() {
    StringBuilder all = new StringBuilder();
    for (long topicId : someTopics(40)) {
      String url = truth.stream().filter(t -> t.post().topicId() == topicId).findFirst().orElseThrow().post().url();
      all.append(TestHttp.text(TestHttp.get(url)));
    }
    String html = all.toString();
    assertThat(html).contains("target=\"_blank\"\"><img class=\"message__urlImg message__urlImg\"",
        "/minis/", "message__urlImgSticker", "/fichiers-md/", "srcset=", "message__urlImgLarge",
        "data-src-background=\"https://image.noelshack.com/fichiers-lg/", "\" }\"></span>", "src=\"https://image.jeuxvideo.com/stickers/p/st/",
        "class=\"message__smiley\"", "message__cesure", "message__middleCesure", "message__spoil--inline",
        "<div class=\"message__spoil\">", "message__pre", "&lt;script&gt;alert(1)&lt;/script&gt;", "&#039;", "&nbsp;",
        "&eacute;", "messageUser__dateEdit", "Message édité le", "messageUser__signature", "messageUser__separator",
        "Pseudo supprimé", "a &eacute;crit :", "message__blockquote\"><p class=\"message__noBlankline\">Le ");
    assertThat(html).containsPattern("[\\x{1F300}-\\x{1FAFF}]"); // 4-byte emoji, raw UTF-8
    assertThat(html).containsPattern("blockquote class=\"message__blockquote\"><p[^>]*>Le [^<]*\\d{2}:\\d{2}:\\d{2} :</p>");
    assertThat(html).containsPattern("<blockquote class=\"message__blockquote\">(?:(?!</blockquote>).)*<blockquote");
  }

  @Test
  void paginationOnFirstMiddleAndLastPage() {
    long topicId = largestTopic();
    int pages = pageCountOf(topicId);
    assertThat(pages).isGreaterThanOrEqualTo(5);
    String page1 = urlOf(topicId, 1);

    Document first = TestHttp.page(page1);
    Element bottom = first.selectFirst("div.container__pagination:not(.js-pagination-top) div.pagination");
    Element nav = bottom.selectFirst("nav.pagination__navigation--bottom");
    assertThat(nav.select(".pagination__item--disabled")).hasSize(2);
    assertThat(SpecExtraction.jvCareDecode(nav.selectFirst("span.JvCare.pagination__button--next"))).isEqualTo(urlOf(topicId, 2)
        .substring(sim.origin().length()));
    Element lastButton = nav.selectFirst("span.JvCare.pagination__button--last");
    assertThat(lastButton.attr("title")).isEqualTo("Dernière page");
    assertThat(SpecExtraction.jvCareDecode(lastButton)).contains("-" + pages + "-0-1-0-");
    Element zone = bottom.selectFirst("nav.pagination__navigation--zoneN");
    assertThat(zone.selectFirst("span.pagination__item--current").text()).isEqualTo("1");
    assertThat(zone.select("a.pagination__button").eachText()).startsWith("2", "3", "4");
    assertThat(zone.selectFirst(".pagination__item--more")).isNotNull();
    assertThat(zone.children().last().tagName()).isEqualTo("a");
    assertThat(zone.children().last().text()).isEqualTo(Integer.toString(pages));
    assertThat(SpecExtraction.payload(first).get("pagerView").get("pageCount").asInt()).isEqualTo(pages);

    int middle = pages / 2;
    Document mid = TestHttp.page(urlOf(topicId, middle));
    Element midNav = mid.selectFirst("nav.pagination__navigation--bottom");
    assertThat(SpecExtraction.jvCareDecode(midNav.selectFirst(".pagination__button--prev"))).contains("-" + (middle - 1) + "-0-1-0-");
    assertThat(SpecExtraction.jvCareDecode(midNav.selectFirst(".pagination__button--first"))).contains("-1-0-1-0-");
    Element midZone = mid.selectFirst("nav.pagination__navigation--zoneN");
    assertThat(midZone.selectFirst(".pagination__item--current").text()).isEqualTo(Integer.toString(middle));
    for (Element a : midZone.select("a.pagination__button")) {
      assertThat(Integer.parseInt(a.text())).isGreaterThan(middle); // only following pages
    }

    Document last = TestHttp.page(urlOf(topicId, pages));
    Element lastNav = last.selectFirst("nav.pagination__navigation--bottom");
    assertThat(lastNav.selectFirst(".pagination__button--last")).isNull();
    assertThat(last.selectFirst(".pagination__item--current").text()).isEqualTo(Integer.toString(pages));
    assertThat(last.select("nav.pagination__navigation--zoneN a")).isEmpty();
    assertThat(last.select("div.messageUser")).hasSizeBetween(1, 20);
  }

  @Test
  void redirectsAndStatuses() {
    long topicId = largestTopic();
    int pages = pageCountOf(topicId);
    HttpResponse<byte[]> past = TestHttp.get(urlOf(topicId, pages + 5));
    assertThat(past.statusCode()).isEqualTo(302);
    assertThat(past.headers().firstValue("Location")).hasValue(urlOf(topicId, pages));

    HttpResponse<byte[]> wrongSlug = TestHttp.get(urlOf(topicId, 2).replaceAll("-0-1-0-[^/]*\\.htm$", "-0-1-0-mauvais-slug.htm"));
    assertThat(wrongSlug.statusCode()).isEqualTo(301);
    assertThat(wrongSlug.headers().firstValue("Location")).hasValue(urlOf(topicId, 2));
    HttpResponse<byte[]> wrongForum = TestHttp.get(urlOf(topicId, 1).replace("/42-51-", "/42-52-"));
    assertThat(wrongForum.statusCode()).isEqualTo(301);

    assertThat(TestHttp.get(urlOf(topicId, 1).replace("/42-51-", "/1-51-")).statusCode()).isEqualTo(200);

    HttpResponse<byte[]> unknown = TestHttp.get(sim.origin() + "/forums/42-51-99999999-1-0-1-0-inconnu.htm");
    assertThat(unknown.statusCode()).isEqualTo(302);
    assertThat(unknown.headers().firstValue("Location")).hasValue(sim.origin() + "/forums.htm");
    assertThat(TestHttp.text(unknown)).contains("Redirecting to").contains("<meta http-equiv=\"refresh\"");

    HttpResponse<byte[]> listPast = TestHttp.get(sim.origin() + "/forums/0-51-0-1-0-976-0-blabla-18-25-ans.htm");
    assertThat(listPast.statusCode()).isEqualTo(302);
    assertThat(listPast.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).contains("-0-126-0-"));

    Post late = truth.stream().filter(t -> t.post().topicId() == topicId).skip(45).findFirst().orElseThrow().post();
    HttpResponse<byte[]> permalink = TestHttp.get(sim.origin() + "/forums/message/" + late.id());
    assertThat(permalink.statusCode()).isEqualTo(302);
    assertThat(permalink.headers().firstValue("Location")).hasValue(urlOf(topicId, 3) + "#post_" + late.id());

    assertThat(TestHttp.get(sim.origin() + "/").headers().firstValue("Location")).hasValue(sim.listUrl());
  }

  @Test
  void conditionalRequestsAnswer304() {
    HttpResponse<byte[]> full = TestHttp.get(sim.listUrl());
    String etag = full.headers().firstValue("ETag").orElseThrow();
    String lastModified = full.headers().firstValue("Last-Modified").orElseThrow();
    assertThat(TestHttp.get(sim.listUrl(), "If-None-Match", etag).statusCode()).isEqualTo(304);
    assertThat(TestHttp.get(sim.listUrl(), "If-None-Match", "\"autre\"").statusCode()).isEqualTo(200);
    assertThat(TestHttp.get(sim.listUrl(), "If-Modified-Since", lastModified).statusCode()).isEqualTo(304);
    String topic = truth.get(0).post().url();
    String topicEtag = TestHttp.get(topic).headers().firstValue("ETag").orElseThrow();
    assertThat(TestHttp.get(topic, "If-None-Match", topicEtag).statusCode()).isEqualTo(304);
  }

  @Test
  void truthEndpointIsWireFormatWithExtras() throws Exception {
    HttpResponse<byte[]> r = TestHttp.get(sim.origin() + "/_truth?since=10");
    String[] lines = TestHttp.text(r).split("\n");
    assertThat(lines).hasSize(truth.size() - 10);
    for (int i = 0; i < 50; i++) {
      Post p = PostCodec.decode(lines[i]);
      assertThat(p).isEqualTo(truth.get(10 + i).post());
      assertThat(p.seq()).isEqualTo(10 + i);
      assertThat(lines[i]).contains("\"publishedAtMillis\":").endsWith(",\"deleted\":false}");
    }
    List<Long> ids = new ArrayList<>(truth.stream().map(t -> t.post().id()).toList());
    assertThat(ids).isSortedAccordingTo(Comparator.naturalOrder());
    assertThat(ids.get(0)).isBetween(1_300_000_000L, 1_340_000_000L);
    assertThat(truth.get(0).post().topicId()).isBetween(76_000_000L, 78_000_000L);
    assertThat(TestHttp.text(TestHttp.get(sim.origin() + "/_stats"))).contains("\"topics\":150");
  }

  private static List<Long> someTopics(int n) {
    return truth.stream().map(t -> t.post().topicId()).distinct().sorted(Comparator.comparingLong(id -> id * 7919 % 1009))
        .limit(n).toList();
  }

  private static long largestTopic() {
    return truth.stream().collect(Collectors.groupingBy(t -> t.post().topicId(), Collectors.counting())).entrySet()
        .stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
  }

  private static int pageCountOf(long topicId) {
    long n = truth.stream().filter(t -> t.post().topicId() == topicId).count();
    return (int) ((n + 19) / 20);
  }

  private static String urlOf(long topicId, int page) {
    String url = truth.stream().filter(t -> t.post().topicId() == topicId).findFirst().orElseThrow().post().url();
    return url.replace("-" + topicId + "-1-0-1-0-", "-" + topicId + "-" + page + "-0-1-0-");
  }
}
