package io.jvcstreaming.scraper.parse;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Parsing throughput of one 2026 topic page of 20 realistic messages (quotes, smileys, NoelShack images,
 * spoilers, JvCare links, ads between messages, a full page chrome and a base64(gzip(JSON)) payload).
 * Scores are posts per second: each invocation parses the 20 messages of the page once.
 *
 * <p>{@code java -jar target/scraper-benchmarks.jar TopicPageParseBenchmark}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class TopicPageParseBenchmark {

  static final int MESSAGES = 20;
  static final String URL = "https://www.jeuxvideo.com/forums/42-51-77300456-3-0-1-0-le-topic-du-benchmark.htm";

  String html;

  @Setup
  public void setUp() throws PageParseException {
    html = page();
    if (TopicPageParser.parse(html, URL).posts().size() != MESSAGES) {
      throw new IllegalStateException("benchmark page does not parse to " + MESSAGES + " posts");
    }
  }

  /** The path the fetcher takes: markup first, payload as cross-check. */
  @Benchmark
  @OperationsPerInvocation(MESSAGES)
  public TopicPage parse() throws PageParseException {
    return TopicPageParser.parse(html, URL);
  }

  @Benchmark
  @OperationsPerInvocation(MESSAGES)
  public TopicPage parseHtml() throws PageParseException {
    return TopicPageParser.parseHtml(html, URL);
  }

  @Benchmark
  @OperationsPerInvocation(MESSAGES)
  public TopicPage parsePayload() throws PageParseException {
    return TopicPageParser.parsePayload(html, URL);
  }

  // ------------------------------------------------------------------------------------------------ the page

  static String page() {
    StringBuilder messages = new StringBuilder(64 * 1024);
    StringBuilder payload = new StringBuilder(64 * 1024);
    payload.append("{\"topicId\":77300456,\"forumId\":51,\"topicTitleField\":\"Le topic du benchmark &amp; des ")
        .append("stickers\",\"listMessage\":[");
    for (int i = 1; i <= MESSAGES; i++) {
      long id = 1320000000L + i * 7L;
      String pseudo = "Posteur_" + (i * 37 % 101);
      String date = "25 novembre 2026 à 21:" + two(i + 10) + ":" + two(i * 3 % 60);
      String body = body(i);
      messages.append(message(id, pseudo, date, body));
      if (i % 5 == 0) {
        messages.append("<ins data-ad-position=\"forum_messages_").append(i).append("\"></ins>\n");
      }
      payload.append(i == 1 ? "" : ",").append("{\"id\":").append(id).append(",\"topicId\":77300456,")
          .append("\"text\":\"source\",\"renderedText\":").append(jsonString(body))
          .append(",\"stateMessage\":\"msg-visible\",\"publishedDate\":").append(jsonString(date))
          .append(",\"publishedAuthorName\":").append(jsonString(pseudo))
          .append(",\"publishedAuthorIsDeleted\":false,\"userLevelLabel\":\"Niveau 12\"}");
    }
    payload.append("],\"pagerView\":{\"currentPage\":3,\"pageCount\":12},\"forum\":{\"isForumReadOnly\":false}}");

    StringBuilder head = new StringBuilder(32 * 1024);
    for (int i = 0; i < 25; i++) {
      head.append("<link rel=\"stylesheet\" href=\"https://www.jeuxvideo.com/css/build/forums-").append(i)
          .append(".css?v=1764100000\">\n<script src=\"https://www.jeuxvideo.com/js/build/chunk-").append(i)
          .append(".js\" defer></script>\n");
    }
    head.append("<script>window.dataLayer=window.dataLayer||[];").append("x".repeat(6000)).append("</script>\n");
    StringBuilder nav = new StringBuilder(32 * 1024);
    for (int i = 0; i < 150; i++) {
      nav.append("<li class=\"headerNav__item\"><a class=\"headerNav__link\" href=\"/rubrique-").append(i)
          .append(".htm\"><span class=\"headerNav__text\">Rubrique ").append(i).append("</span></a></li>\n");
    }
    String last = "/forums/42-51-77300456-12-0-1-0-le-topic-du-benchmark.htm";
    return "<!DOCTYPE html>\n<html lang=\"fr\"><head><meta charset=\"utf-8\">"
        + "<title>Le topic du benchmark &amp; des stickers sur le forum Blabla 18-25 ans - 25-11-2026 20:00:00 - "
        + "jeuxvideo.com</title>\n" + head + "</head>\n<body class=\"forums\"><header class=\"header\"><ul>" + nav
        + "</ul></header>\n<div class=\"layout\"><nav class=\"breadcrumb\"><h1 class=\"breadcrumb__item\">Topic Le "
        + "topic du benchmark &amp; des stickers</h1></nav>\n<div class=\"titleMessagesUsers\"><h2 "
        + "class=\"titleMessagesUsers__title\"> Le topic du benchmark &amp; des stickers </h2></div>\n"
        + "<div class=\"container__pagination js-pagination-top\"></div>\n"
        + "<div id=\"listMessages\" class=\"container__messages\">\n" + messages + "</div>\n"
        + "<div class=\"container__pagination\"><div class=\"pagination\">"
        + "<nav class=\"pagination__navigation pagination__navigation--bottom\">"
        + "<span class=\"JvCare " + JvCare.encode("/forums/42-51-77300456-1-0-1-0-le-topic-du-benchmark.htm")
        + " pagination__button pagination__button--first\" title=\"Première page\"></span>"
        + "<span class=\"JvCare " + JvCare.encode(last) + " pagination__button pagination__button--last\" "
        + "title=\"Dernière page\"></span></nav><nav class=\"pagination__navigation pagination__navigation--zoneN\">"
        + "<span class=\"pagination__item pagination__item--current\">3</span>"
        + "<a class=\"pagination__button\" href=\"/forums/42-51-77300456-4-0-1-0-le-topic-du-benchmark.htm\">4</a>"
        + "<span class=\"pagination__item pagination__item--more\">...</span><span class=\"JvCare "
        + JvCare.encode(last) + " pagination__button\">12</span></nav></div></div>\n"
        + "<script>window.jvc=window.jvc||{};window.jvc.forumsAppPayload=\"" + gzipBase64(payload.toString())
        + "\";</script>\n</div><footer class=\"footer\">" + nav + "</footer></body></html>\n";
  }

  private static String message(long id, String pseudo, String date, String body) {
    String profile = JvCare.encode("/profil/" + pseudo.toLowerCase() + "?mode=infos");
    return "<span id=\"post_" + id + "\" class=\"messageUser__anchor\"></span>\n"
        + "<div class=\"messageUser js-hybrid-component\" id=\"message-" + id + "\">\n"
        + " <div class=\"messageUser__card js-message-user-card\">\n"
        + "  <div class=\"messageUser__header\"><span class=\"JvCare " + profile + " avatar\"><img "
        + "src=\"https://image.jeuxvideo.com/avatar-sm/default.jpg\" class=\"avatar__image\" alt=\"" + pseudo
        + "\"></span>\n   <div class=\"messageUser__profil\"><span class=\"JvCare " + profile
        + " messageUser__label \" target=\"__blank\">" + pseudo + "</span>\n"
        + "    <div class=\"messageUser__level\">Niveau 12</div><span class=\"JvCare "
        + JvCare.encode("/forums/message/" + id) + " messageUser__date\">" + date + "</span></div></div>\n"
        + "  <div class=\"messageUser__main\"><div class=\"messageUser__msg js-message-user-msg\">\n" + body
        + "\n  </div></div>\n </div></div>\n";
  }

  private static String body(int i) {
    String smiley = "<img src=\"https://image.jeuxvideo.com/smileys_img/18.gif\" alt=\":hap:\" data-code=\":hap:\" "
        + "title=\":hap:\" width=\"16\" height=\"16\" class=\"message__smiley\" />";
    String ns = "https://image.noelshack.com";
    StringBuilder b = new StringBuilder(2048);
    if (i % 3 == 0) {
      b.append("<blockquote class=\"message__blockquote\"><p class=\"message__noBlankline\">Le 25 novembre 2026 ")
          .append("&agrave; 20:58:10 Grenouille a &eacute;crit :<br />Qui vient ce soir ? C&#039;est ")
          .append("l&#039;anniversaire de quelqu&#039;un</p></blockquote>\n");
    }
    b.append("<p class=\"message__p\">Message ").append(i).append(" : ah&nbsp;! &Ccedil;a me va tr&egrave;s ")
        .append("bien, on se retrouve l&agrave;-bas vers 21h &amp; on verra bien ").append(smiley)
        .append(" \uD83D\uDE02<br />\nDeuxi&egrave;me ligne du message avec un peu plus de texte pour faire ")
        .append("r&eacute;aliste, les messages du 18-25 font souvent deux ou trois lignes.</p>\n");
    if (i % 2 == 0) {
      b.append("<p class=\"message__noBlankline\"><span class=\"JvCare ")
          .append(JvCare.encode("https://www.noelshack.com/2026-48-3-17641000" + two(i) + "-chat.jpg"))
          .append(" message__urlImgWrapper\" target=\"_blank\"\"><img class=\"message__urlImg message__urlImg\" ")
          .append("width=\"68\" height=\"51\" src=\"").append(ns).append("/minis/2026/48/3/17641000").append(two(i))
          .append("-chat.png\" alt=\"").append(ns).append("/fichiers/2026/48/3/17641000").append(two(i))
          .append("-chat.jpg\" /></span></p>\n");
    }
    if (i % 4 == 1) {
      b.append("<div class=\"message__spoil\"><input type=\"checkbox\" id=\"s").append(i)
          .append("\" class=\"message__openSpoil\" /><label for=\"s").append(i).append("\" class=\"message__spoilHead\">")
          .append("<span>Spoil</span><span>Afficher</span><span>Masquer</span></label><div ")
          .append("class=\"message__spoilContent\"><p class=\"message__p\">La fin du film ").append(smiley)
          .append("</p></div></div>\n");
    }
    if (i % 5 == 2) {
      b.append("<p class=\"message__p\">Source : <span class=\"JvCare ")
          .append(JvCare.encode("https://www.example.org/un/tres/long/lien/vers/un/article/de/presse"))
          .append("\" rel=\"nofollow\" target=\"_blank\">https://www.example.org/un/tres/lo<i ")
          .append("class=\"message__cesure\"></i><span class=\"message__middleCesure\">ng/lien/vers/un/artic")
          .append("</span>le/de/presse</span></p>\n");
    }
    return b.toString();
  }

  private static String two(int v) {
    return v < 10 ? "0" + v : Integer.toString(v);
  }

  private static String jsonString(String s) {
    StringBuilder sb = new StringBuilder(s.length() + 16).append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"': sb.append("\\\""); break;
        case '\\': sb.append("\\\\"); break;
        case '\n': sb.append("\\n"); break;
        case '\r': sb.append("\\r"); break;
        case '\t': sb.append("\\t"); break;
        default:
          if (c < 0x20) {
            sb.append(String.format("\\u%04x", (int) c));
          } else {
            sb.append(c);
          }
      }
    }
    return sb.append('"').toString();
  }

  private static String gzipBase64(String json) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
      gz.write(json.getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Base64.getEncoder().encodeToString(bytes.toByteArray());
  }
}
