package io.jvcstreaming.scraper.parse;

import static org.assertj.core.api.Assertions.assertThat;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

class PostExtractorTest {

  private static Element msg(String body) {
    return Jsoup.parse("<div class=\"messageUser__msg js-message-user-msg\">" + body + "</div>")
        .selectFirst(".messageUser__msg");
  }

  @Test
  void theWorkedExampleGivesItsTextAndOneSticker() {
    Element msg = Jsoup.parse(Pages.load("topic-2026-example.html")).selectFirst(".messageUser__msg");
    assertThat(PostExtractor.text(msg)).isEqualTo("Moi ! Ça me va très bien");
    assertThat(PostExtractor.stickers(msg))
        .containsExactly("https://image.noelshack.com/fichiers/2026/48/3/1764100000-chat-content.jpg");
  }

  @Test
  void doesNotModifyTheElement() {
    Element msg = msg("<blockquote class=\"message__blockquote\">q</blockquote><p>a</p>");
    String before = msg.outerHtml();
    PostExtractor.extract(msg);
    assertThat(msg.outerHtml()).isEqualTo(before);
  }

  @Test
  void dropsNestedQuotesAndTheirImages() {
    Element msg = msg("<blockquote class=\"message__blockquote\"><p>Le 1 juin 2026 à 10:00:00 A a écrit :</p>"
        + "<blockquote class=\"message__blockquote\"><p>inner <img class=\"message__urlImg\" "
        + "alt=\"https://image.noelshack.com/fichiers/2026/01/1/1-a.png\"></p></blockquote><p>outer</p></blockquote>"
        + "<p>mine</p>");
    assertThat(PostExtractor.text(msg)).isEqualTo("mine");
    assertThat(PostExtractor.stickers(msg)).isEmpty();
  }

  @Test
  void keepsSpoilerContentWithoutItsLabel() {
    Element msg = msg("<p>a <span class=\"message__spoil message__spoil--inline\"><input type=\"checkbox\" "
        + "class=\"message__openSpoil\"><label class=\"message__spoilHead\"><span>Spoil</span><span>Afficher</span>"
        + "<span>Masquer</span></label><span class=\"message__spoilContent\">b</span></span> c</p>");
    assertThat(PostExtractor.text(msg)).isEqualTo("a b c");
  }

  @Test
  void turnsBreaksAndParagraphsIntoSingleSpaces() {
    Element msg = msg("<p class=\"message__p\">un<br />deux</p><p class=\"message__p\">trois&nbsp;&nbsp; quatre</p>"
        + "<p>\n</p>");
    assertThat(PostExtractor.text(msg)).isEqualTo("un deux trois quatre");
  }

  @Test
  void rejoinsCutUrlsWithoutSpaces() {
    Element msg = msg("<span class=\"JvCare 00\">https://a.example/deb<i class=\"message__cesure\"></i>"
        + "<span class=\"message__middleCesure\">milieu</span>fin</span>");
    assertThat(PostExtractor.text(msg)).isEqualTo("https://a.example/debmilieufin");
    Element spaced = msg("<span>https://a.example/deb\n<i class=\"message__cesure\"></i>\n"
        + "<span class=\"message__middleCesure\"> milieu </span>\nfin</span> suite");
    assertThat(PostExtractor.text(spaced)).isEqualTo("https://a.example/debmilieufin suite");
  }

  @Test
  void mapsTheThreeNoelShackRenderingsToFullSizeUrls() {
    String ns = "https://image.noelshack.com";
    Element msg = msg("<span class=\"JvCare 00 message__urlImgWrapper\" target=\"_blank\"\">"
        + "<img class=\"message__urlImg message__urlImg\" src=\"" + ns + "/minis/2026/1/1/1-a.png\" alt=\""
        + ns + "/fichiers/2026/1/1/1-a.jpg\"></span>"
        + "<img class=\"message__urlImg message__urlImgSticker\" src=\"" + ns + "/fichiers-md/2026/1/1/2-b.png\" alt=\""
        + ns + "/fichiers/2026/1/1/2-b.png\">"
        + "<span class=\"message__urlImg message__urlImgLarge\" data-src-background=\"" + ns
        + "/fichiers-lg/2026/1/1/3-c.gif\" }\"></span>");
    assertThat(PostExtractor.stickers(msg)).containsExactly(ns + "/fichiers/2026/1/1/1-a.jpg",
        ns + "/fichiers/2026/1/1/2-b.png", ns + "/fichiers/2026/1/1/3-c.gif");
    assertThat(PostExtractor.text(msg)).isEmpty();
  }

  @Test
  void decodesTheWrapperJvCareWhenALargeImageHasNoUsableAttribute() {
    String full = "https://image.noelshack.com/fichiers/2026/1/1/4-d.png";
    Element msg = msg("<span class=\"JvCare " + JvCare.encode(full) + " message__urlImgWrapper\">"
        + "<span class=\"message__urlImg message__urlImgLarge\" data-src-background=\"\"></span></span>");
    assertThat(PostExtractor.stickers(msg)).containsExactly(full);
  }

  @Test
  void takesOfficialStickersButNotSmileys() {
    Element msg = msg("<img src=\"https://image.jeuxvideo.com/stickers/p/st/1kki\" class=\"message__sticker\">"
        + "<img src=\"https://image.jeuxvideo.com/smileys_img/18.gif\" alt=\":hap:\" class=\"message__smiley\">"
        + "<img src=\"https://image.jeuxvideo.com/stickers/p/st/1jnh\" class=\"img-stickers\" alt=\"[[sticker:p/1jnh]]\">"
        + "<img src=\"https://image.jeuxvideo.com/smileys_img/11.gif\" alt=\":noel:\" class=\"smilies\">");
    assertThat(PostExtractor.stickers(msg)).containsExactly("https://image.jeuxvideo.com/stickers/p/st/1kki",
        "https://image.jeuxvideo.com/stickers/p/st/1jnh");
    assertThat(PostExtractor.text(msg)).isEmpty();
  }

  @Test
  void decodesEntitiesAndKeepsFourByteEmoji() {
    Element msg = msg("<p>l&#039;&eacute;t&eacute; &amp; &lt;3 \uD83D\uDE02</p>");
    assertThat(PostExtractor.text(msg)).isEqualTo("l'été & <3 \uD83D\uDE02");
  }

  @Test
  void collapsesCodeBlocksLikeAnyOtherText() {
    Element msg = msg("<pre class=\"message__pre\"><code class=\"message__code\">a\n    b</code></pre>"
        + "<p>x <code class=\"message__code\">y()</code> z</p>");
    assertThat(PostExtractor.text(msg)).isEqualTo("a b x y() z");
  }

  @Test
  void leavesOutASignatureOrEditNoticeNestedInTheBody() {
    Element msg = msg("<p>mot</p><div class=\"messageUser__dateEdit\">Message édité le 1 juin 2026 à 10:00:00</div>"
        + "<div class=\"messageUser__signature\"><img class=\"message__sticker\" src=\"https://image.jeuxvideo.com/"
        + "stickers/p/st/1kki\">sig</div>");
    assertThat(PostExtractor.text(msg)).isEqualTo("mot");
    assertThat(PostExtractor.stickers(msg)).isEmpty();
  }
}
