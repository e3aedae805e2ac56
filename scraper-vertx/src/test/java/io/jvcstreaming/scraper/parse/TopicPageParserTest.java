package io.jvcstreaming.scraper.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jvcstreaming.model.Post;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class TopicPageParserTest {

  private static final String NS = "https://image.noelshack.com";
  private static final String P1_TITLE = "Vos stickers préférés ? Postez-les ici & discutez \"librement\"";

  private static Map<Long, Post> byId(TopicPage page) {
    return page.posts().stream().collect(Collectors.toMap(Post::id, Function.identity()));
  }

  private static TopicPage p1Html() throws PageParseException {
    return TopicPageParser.parseHtml(Pages.load("topic-2026-p1.html"), Pages.P1_URL);
  }

  private static String reasonOf(ThrowingParse parse) {
    try {
      parse.run();
    } catch (PageParseException e) {
      return e.reason();
    }
    throw new AssertionError("no PageParseException");
  }

  interface ThrowingParse {
    void run() throws PageParseException;
  }

  // ------------------------------------------------------------------------------------------ §9 worked example

  @Test
  void theWorkedExampleGivesExactlyTheExpectedPost() throws Exception {
    TopicPage page = TopicPageParser.parseHtml(Pages.load("topic-2026-example.html"), Pages.EXAMPLE_URL);
    assertThat(page.posts()).containsExactly(new Post(Post.UNSEQUENCED, 1320000042L, 77300123L, "Le café du matin",
        "PetitNuage_42", Instant.parse("2026-11-25T20:04:33Z"), "Moi ! Ça me va très bien",
        List.of(NS + "/fichiers/2026/48/3/1764100000-chat-content.jpg"), Pages.EXAMPLE_URL));
    assertThat(page.skippedMessages()).isZero();
    assertThat(page.source()).isEqualTo(TopicPage.Source.HTML);
  }

  @Test
  void theWorkedExampleReadFromItsPlainBase64PayloadGivesTheSamePost() throws Exception {
    String html = Pages.load("topic-2026-example.html");
    TopicPage fromPayload = TopicPageParser.parsePayload(html, Pages.EXAMPLE_URL);
    assertThat(fromPayload.source()).isEqualTo(TopicPage.Source.PAYLOAD);
    assertThat(fromPayload.posts()).isEqualTo(TopicPageParser.parseHtml(html, Pages.EXAMPLE_URL).posts());
  }

  // ------------------------------------------------------------------------------------------ page 1: bodies

  @Test
  void readsTitlePagesAndCountsOfPageOne() throws Exception {
    TopicPage page = p1Html();
    assertThat(page.topicId()).isEqualTo(77300456L);
    assertThat(page.title()).isEqualTo(P1_TITLE);
    assertThat(page.currentPage()).isEqualTo(1);
    assertThat(page.lastPage()).isEqualTo(37);
    assertThat(page.locked()).isFalse();
    assertThat(page.posts()).hasSize(18);
    assertThat(page.skippedMessages()).isEqualTo(2); // one without id, one without author
  }

  @Test
  void returnsPostsUnsequencedInAscendingIdOrderWithoutDuplicates() throws Exception {
    List<Post> posts = p1Html().posts();
    assertThat(posts).extracting(Post::id).isSorted().doesNotHaveDuplicates();
    assertThat(posts).allSatisfy(p -> {
      assertThat(p.seq()).isEqualTo(Post.UNSEQUENCED);
      assertThat(p.topicId()).isEqualTo(77300456L);
      assertThat(p.topic()).isEqualTo(P1_TITLE);
      assertThat(p.url()).isEqualTo(Pages.P1_URL);
    });
  }

  @Test
  void decodesEntitiesKeepsEmojiAndCollapsesNoBreakSpaces() throws Exception {
    Post p = byId(p1Html()).get(1320000101L);
    assertThat(p.author()).isEqualTo("Grenouille");
    assertThat(p.postedAt()).isEqualTo(Instant.parse("2026-11-25T20:11:01Z"));
    assertThat(p.text()).isEqualTo("Salut à tous, c'est l'été & il fait <3 degrés ?? \uD83D\uDE02\uD83D\uDD25 "
        + "Deuxième ligne avec espaces Nouveau paragraphe été \uD83E\uDDD1\u200D\uD83D\uDCBB");
  }

  @Test
  void excludesNestedQuotesAndTheImagesInThem() throws Exception {
    Post p = byId(p1Html()).get(1320000102L);
    assertThat(p.text()).isEqualTo("Et moi je dis non.");
    assertThat(p.stickers()).isEmpty();
  }

  @Test
  void excludesAQuoteWithoutPseudo() throws Exception {
    assertThat(byId(p1Html()).get(1320000103L).text()).isEqualTo("Citation sans pseudo");
  }

  @Test
  void keepsInlineAndBlockSpoilerContentButNotTheirLabels() throws Exception {
    Post p = byId(p1Html()).get(1320000104L);
    assertThat(p.text()).isEqualTo("Avant le chat meurt après Bloc caché");
    assertThat(p.stickers()).containsExactly(NS + "/fichiers/2026/48/2/1764000000-spoil.gif");
  }

  @Test
  void keepsCodeAsCollapsedText() throws Exception {
    assertThat(byId(p1Html()).get(1320000105L).text())
        .isEqualTo("Mon code : int x = 1; if (x < 2) { return; } et inline() fin");
  }

  @Test
  void readsTheThreeNoelShackRenderingsDespiteTheMalformedWrapper() throws Exception {
    Post p = byId(p1Html()).get(1320000106L);
    assertThat(p.text()).isEqualTo("trois images");
    assertThat(p.stickers()).containsExactly(NS + "/fichiers/2026/48/3/1764100001-un.jpg",
        NS + "/fichiers/2026/48/3/1764100002-deux.png", NS + "/fichiers/2026/48/3/1764100003-trois.gif");
  }

  @Test
  void takesOfficialStickersOf2026AndLegacyButNotSmileys() throws Exception {
    Post p = byId(p1Html()).get(1320000107L);
    assertThat(p.text()).isEqualTo("Stickers ok");
    assertThat(p.stickers()).containsExactly("https://image.jeuxvideo.com/stickers/p/st/1kki",
        "https://image.jeuxvideo.com/stickers/p/st/1jnh");
  }

  @Test
  void rejoinsCutLongUrls() throws Exception {
    assertThat(byId(p1Html()).get(1320000108L).text()).isEqualTo("Lien : "
        + "https://www.example.org/un/chemin/tres/long/vers/une/page?avec=des&parametres=nombreux "
        + "https://www.jeuxvideo.com/forums/42-51-77300001-1-0-1-0-topic.htm");
  }

  @Test
  void leavesTheEditNoticeAndTheSignatureOut() throws Exception {
    Map<Long, Post> posts = byId(p1Html());
    assertThat(posts.get(1320000109L).text()).isEqualTo("Message corrigé après coup");
    assertThat(posts.get(1320000110L).text()).isEqualTo("Avec signature");
    assertThat(posts.get(1320000110L).stickers()).isEmpty();
  }

  @Test
  void keepsADeletedAuthorAsPseudoSupprime() throws Exception {
    assertThat(byId(p1Html()).get(1320000111L).author()).isEqualTo("Pseudo supprimé");
  }

  @Test
  void keepsOneCopyOfAHydratedDuplicate() throws Exception {
    assertThat(p1Html().posts()).filteredOn(p -> p.id() == 1320000112L).hasSize(1);
  }

  @Test
  void skipsMessagesWithoutIdOrAuthor() throws Exception {
    Map<Long, Post> posts = byId(p1Html());
    assertThat(posts).doesNotContainKey(1320000114L);
    assertThat(posts.values()).extracting(Post::text).doesNotContain("Pas d'id", "Pas d'auteur");
  }

  @Test
  void readsLoggedInMarkup() throws Exception {
    Post p = byId(p1Html()).get(1320000115L);
    assertThat(p.author()).isEqualTo("Connecte");
    assertThat(p.postedAt()).isEqualTo(Instant.parse("2026-11-25T20:25:05Z"));
  }

  // ------------------------------------------------------------------------------------------ both paths

  @Test
  void htmlAndGzipPayloadGiveTheSamePostsOnPageOne() throws Exception {
    String html = Pages.load("topic-2026-p1.html");
    TopicPage fromHtml = TopicPageParser.parseHtml(html, Pages.P1_URL);
    TopicPage fromPayload = TopicPageParser.parsePayload(html, Pages.P1_URL);
    assertThat(fromPayload.posts()).isEqualTo(fromHtml.posts());
    assertThat(fromPayload.skippedMessages()).isEqualTo(fromHtml.skippedMessages());
    assertThat(fromPayload.lastPage()).isEqualTo(37);
    assertThat(fromPayload.title()).isEqualTo(P1_TITLE);
  }

  @Test
  void parseReadsTheHtmlFirst() throws Exception {
    String html = Pages.load("topic-2026-p1.html");
    TopicPage page = TopicPageParser.parse(html, Pages.P1_URL);
    assertThat(page.source()).isEqualTo(TopicPage.Source.HTML);
    assertThat(page).isEqualTo(TopicPageParser.parseHtml(html, Pages.P1_URL));
  }

  @Test
  void parseRecoversFromThePayloadAMessageTheMarkupLost() throws Exception {
    String html = Pages.load("topic-2026-p1.html");
    // break the author of message 1320000116 in the markup only
    int at = html.indexOf("id=\"message-1320000116\"");
    int label = html.indexOf("messageUser__label", at);
    String broken = html.substring(0, label) + "messageUser__labelX" + html.substring(label + 18);
    TopicPage htmlOnly = TopicPageParser.parseHtml(broken, Pages.P1_URL);
    assertThat(byId(htmlOnly)).doesNotContainKey(1320000116L);
    TopicPage merged = TopicPageParser.parse(broken, Pages.P1_URL);
    assertThat(merged.posts()).isEqualTo(p1Html().posts());
    assertThat(merged.skippedMessages()).isEqualTo(2);
  }

  @Test
  void parseFallsBackToThePayloadOnAPageWithoutMessageMarkup() throws Exception {
    String html = Pages.load("topic-2026-payload-only.html");
    TopicPage page = TopicPageParser.parse(html, Pages.PAYLOAD_ONLY_URL);
    assertThat(page.source()).isEqualTo(TopicPage.Source.PAYLOAD);
    assertThat(page.currentPage()).isEqualTo(2);
    assertThat(page.lastPage()).isEqualTo(2);
    assertThat(page.title()).isEqualTo("Payload seulement");
    assertThat(page.posts()).extracting(Post::id).containsExactly(1320000401L, 1320000403L); // 402 is msg-deleted
    Post first = page.posts().get(0);
    assertThat(first.text()).isEqualTo("Seulement dans le payload");
    assertThat(first.stickers()).containsExactly(NS + "/fichiers/2026/29/3/1752580000-payload.png");
    assertThat(first.postedAt()).isEqualTo(Instant.parse("2026-07-15T12:00:00Z"));
    Post deleted = page.posts().get(1);
    assertThat(deleted.author()).isEqualTo("Pseudo supprimé");
    assertThat(deleted.text()).isEqualTo("Compte supprimé & cité");
    assertThat(page.skippedMessages()).isZero();
  }

  @Test
  void parseHtmlOfAPayloadOnlyPageHasNoPosts() throws Exception {
    TopicPage page = TopicPageParser.parseHtml(Pages.load("topic-2026-payload-only.html"), Pages.PAYLOAD_ONLY_URL);
    assertThat(page.posts()).isEmpty();
    assertThat(page.title()).isEqualTo("Payload seulement");
  }

  // ------------------------------------------------------------------------------------------ pagination, lock

  @Test
  void readsTheLastPageOfAMiddlePageFromJvCareLinks() throws Exception {
    TopicPage page = TopicPageParser.parse(Pages.load("topic-2026-middle.html"), Pages.MIDDLE_URL);
    assertThat(page.currentPage()).isEqualTo(3);
    assertThat(page.lastPage()).isEqualTo(12);
    assertThat(page.posts()).hasSize(3);
    assertThat(page.posts().get(0).postedAt()).isEqualTo(Instant.parse("2026-05-31T23:01:01Z"));
    assertThat(page.title()).isEqualTo("La page du milieu");
  }

  @Test
  void readsTheLastPageOfAMiddlePageFromTheJvCareLinksAlone() throws Exception {
    String html = Pages.load("topic-2026-middle.html");
    // drop the zoneN nav: only the bottom JvCare buttons say where the end is
    int from = html.indexOf("<nav class=\"pagination__navigation pagination__navigation--zoneN\"");
    int to = html.indexOf("</nav>", from) + 6;
    TopicPage page = TopicPageParser.parseHtml(html.substring(0, from) + html.substring(to), Pages.MIDDLE_URL);
    assertThat(page.currentPage()).isEqualTo(3);
    assertThat(page.lastPage()).isEqualTo(12);
  }

  @Test
  void readsALockedLastPageWithADeletedAuthor() throws Exception {
    String html = Pages.load("topic-2026-last-locked.html");
    TopicPage page = TopicPageParser.parseHtml(html, Pages.LAST_URL);
    assertThat(page.locked()).isTrue();
    assertThat(page.currentPage()).isEqualTo(12);
    assertThat(page.lastPage()).isEqualTo(12);
    assertThat(page.title()).isEqualTo("Sujet verrouillé");
    assertThat(page.posts()).extracting(Post::author).containsExactly("Avantdernier", "Pseudo supprimé");
    assertThat(page.posts().get(1).postedAt()).isEqualTo(Instant.parse("2026-12-31T23:00:01Z"));
    TopicPage fromPayload = TopicPageParser.parsePayload(html, Pages.LAST_URL);
    assertThat(fromPayload.locked()).isTrue();
    assertThat(fromPayload.posts()).isEqualTo(page.posts());
  }

  @Test
  void takesTheCurrentPageFromTheUrlWhenThePaginationIsMissing() throws Exception {
    String html = Pages.load("topic-2026-middle.html");
    int from = html.indexOf("<div class=\"container__pagination\">");
    int to = html.indexOf("<footer");
    TopicPage page = TopicPageParser.parseHtml(html.substring(0, from) + html.substring(to), Pages.MIDDLE_URL);
    assertThat(page.currentPage()).isEqualTo(3);
    assertThat(page.lastPage()).isEqualTo(3);
  }

  // ------------------------------------------------------------------------------------------ legacy

  @Test
  void readsTheLegacyMarkupAsAFallback() throws Exception {
    TopicPage page = TopicPageParser.parse(Pages.load("topic-legacy.html"), Pages.LEGACY_URL);
    assertThat(page.title()).isEqualTo("Sujet légacy & co");
    assertThat(page.currentPage()).isEqualTo(2);
    assertThat(page.lastPage()).isEqualTo(5);
    assertThat(page.locked()).isTrue();
    assertThat(page.posts()).containsExactly(
        new Post(Post.UNSEQUENCED, 1100000001L, 68000002L, "Sujet légacy & co", "Ancien",
            Instant.parse("2021-06-02T20:25:06Z"), "Bonjour le secret forum",
            List.of(NS + "/fichiers/2021/22/3/1622662000-legacy.png", "https://image.jeuxvideo.com/stickers/p/st/1kki"),
            Pages.LEGACY_URL),
        new Post(Post.UNSEQUENCED, 1100000002L, 68000002L, "Sujet légacy & co", "Pseudo supprimé",
            Instant.parse("2021-10-12T07:05:00Z"), "Compte supprimé", List.of(), Pages.LEGACY_URL));
  }

  // ------------------------------------------------------------------------------------------ refusals

  @Test
  void refusesAChallengePage() {
    String html = Pages.load("challenge.html");
    assertThat(reasonOf(() -> TopicPageParser.parse(html, Pages.P1_URL))).isEqualTo("challenge page");
    assertThat(reasonOf(() -> TopicPageParser.parseHtml(html, Pages.P1_URL))).isEqualTo("challenge page");
    assertThat(reasonOf(() -> TopicPageParser.parsePayload(html, Pages.P1_URL))).isEqualTo("challenge page");
  }

  @Test
  void refusesATruncatedPage() {
    String html = Pages.load("topic-2026-truncated.html");
    assertThat(reasonOf(() -> TopicPageParser.parse(html, Pages.P1_URL))).isEqualTo("truncated html");
    assertThat(reasonOf(() -> TopicPageParser.parseHtml(html, Pages.P1_URL))).isEqualTo("truncated html");
  }

  @Test
  void refusesAPageCutBetweenTwoMessages() {
    String html = Pages.load("topic-2026-p1.html");
    String cut = html.substring(0, html.indexOf("<span id=\"post_1320000105\""));
    assertThat(reasonOf(() -> TopicPageParser.parse(cut, Pages.P1_URL))).isEqualTo("truncated html");
  }

  @Test
  void refusesAPageCutInItsHead() {
    String html = Pages.load("topic-2026-p1.html");
    assertThat(reasonOf(() -> TopicPageParser.parse(html.substring(0, 200), Pages.P1_URL)))
        .isEqualTo("truncated html");
  }

  @Test
  void acceptsAPageCutAfterTheMessageContainer() throws Exception {
    String html = Pages.load("topic-2026-p1.html");
    String cut = html.substring(0, html.indexOf("<div class=\"container__pagination\">") + 10);
    assertThat(TopicPageParser.parseHtml(cut, Pages.P1_URL).posts()).isEqualTo(p1Html().posts());
  }

  @Test
  void refusesAnUnrelatedPage() {
    String html = Pages.load("unrelated.html");
    assertThat(reasonOf(() -> TopicPageParser.parse(html, Pages.P1_URL))).isEqualTo("no #listMessages");
    assertThat(reasonOf(() -> TopicPageParser.parsePayload(html, Pages.P1_URL))).isEqualTo("no payload");
  }

  @Test
  void refusesAPayloadThatIsCutOrCorrupt() {
    String html = Pages.load("topic-2026-payload-only.html");
    int at = html.indexOf("forumsAppPayload=\"") + 40;
    String corrupt = html.substring(0, at) + "!!!!" + html.substring(at + 4);
    assertThat(reasonOf(() -> TopicPageParser.parsePayload(corrupt, Pages.PAYLOAD_ONLY_URL)))
        .isEqualTo("bad payload base64");
    String noEnd = html.substring(0, at);
    assertThat(reasonOf(() -> TopicPageParser.parsePayload(noEnd, Pages.PAYLOAD_ONLY_URL)))
        .isEqualTo("truncated payload");
  }

  @Test
  void refusesAPageWhoseMessageMarkupChanged() {
    String html = Pages.load("topic-2026-middle.html").replace("messageUser", "postCard");
    assertThat(reasonOf(() -> TopicPageParser.parse(html, Pages.MIDDLE_URL))).isEqualTo("no messages");
  }

  @Test
  void refusesATruncatedPageEvenWithASkipLinkToTheMessagesBeforeThem() {
    String html = Pages.load("topic-2026-truncated.html")
        .replace("<body class=\"forums\">", "<body class=\"forums\"><a href=\"#listMessages\" class=\"skip\">listMessages</a>");
    assertThat(reasonOf(() -> TopicPageParser.parse(html, Pages.P1_URL))).isEqualTo("truncated html");
  }

  @Test
  void refusesAPageWithoutContainerCutInsideItsLastMessage() {
    String html = Pages.load("topic-2026-middle.html").replace("id=\"listMessages\"", "id=\"otherList\"");
    String cut = html.substring(0, html.indexOf("Page trois, message 3"));
    assertThat(reasonOf(() -> TopicPageParser.parse(cut, Pages.MIDDLE_URL))).isEqualTo("truncated html");
  }

  @Test
  void aWholePageWithAConsistentPayloadTakesTheFastPayloadPathWithTheSamePosts() throws Exception {
    String html = Pages.load("topic-2026-example.html");
    TopicPage page = TopicPageParser.parse(html, Pages.EXAMPLE_URL);
    assertThat(page.source()).isEqualTo(TopicPage.Source.PAYLOAD);
    assertThat(page.posts()).isEqualTo(TopicPageParser.parseHtml(html, Pages.EXAMPLE_URL).posts());
  }

  @Test
  void aMessageInTheMarkupButNotInThePayloadSendsParseToTheMarkupPath() throws Exception {
    String html = Pages.load("topic-2026-p1.html");
    TopicPage page = TopicPageParser.parse(html, Pages.P1_URL);
    assertThat(page.source()).as("p1 has messages without id or author: the fast path must not decide")
        .isEqualTo(TopicPage.Source.HTML);
  }
}
