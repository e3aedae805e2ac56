package io.jvcstreaming.scraper.parse;

import java.time.Instant;
import java.util.OptionalInt;

/**
 * The rules that read one 2026 list row (spec §2), over either kind of tree ({@link ListNode}): which children are
 * head or ad rows, and each field of a topic row. A row without a parsable id, title, link or reply count is null.
 */
final class ListRows {

  private ListRows() {
  }

  static boolean isHeadOrAd(ListNode li) {
    String cls = li.className();
    if (cls.contains("tablesForum__headRow") || cls.contains("dfp__atf") || cls.contains("topic-head")) {
      return true;
    }
    var children = li.children();
    return children.size() == 1 && children.get(0).nameIs("ins") && !li.id().startsWith("topic-");
  }

  static TopicRow row(ListNode li) {
    String id = li.id();
    if (!id.startsWith("topic-")) {
      return null;
    }
    long topicId = ForumUrls.parsePositiveLong(id.substring(6).trim());
    if (topicId <= 0) {
      return null;
    }
    ListNode subject = li.selectFirst(ListQuery.SUBJECT);
    if (subject == null) {
      return null;
    }
    String title = subject.hasAttr("title") ? TopicPageParser.collapse(subject.attr("title")) : "";
    if (title.isEmpty()) {
      ListNode text = subject.selectFirst(ListQuery.SUBJECT_TEXT);
      title = text == null ? "" : text.text();
    }
    String url = link(subject);
    ListNode count = li.selectFirst(ListQuery.REPLY_COUNT);
    int replies = count == null ? -1 : TopicListParser.leadingInt(count.text());
    if (title.isEmpty() || url == null || replies < 0) {
      return null;
    }
    Instant lastPostAt = null;
    int lastPage = -1;
    ListNode last = li.selectFirst(ListQuery.LAST_LINK);
    if (last != null) {
      lastPostAt = ForumDates.parseOrNull(last.attr("title"));
      String lastUrl = JvCare.linkOfClass(last.className());
      if (lastUrl == null && last.hasAttr("href")) {
        lastUrl = last.attr("href");
      }
      OptionalInt page = ForumUrls.pageOf(lastUrl);
      if (page.isPresent() && ForumUrls.topicId(lastUrl).orElse(topicId) == topicId) {
        lastPage = page.getAsInt();
      }
    }
    if (lastPage < 1) {
      lastPage = TopicListParser.pagesFor(replies);
    }
    boolean pinned = li.selectFirst(ListQuery.PIN_ICON) != null;
    String author = null;
    ListNode avatar = li.selectFirst(ListQuery.FIRST_AVATAR);
    if (avatar != null) {
      author = TopicPageParser.collapse(avatar.attr("title"));
      if (author.isEmpty()) {
        ListNode img = avatar.selectFirst(ListQuery.AVATAR_IMG);
        author = img == null ? "" : TopicPageParser.collapse(img.attr("alt"));
      }
      if (author.isEmpty()) {
        author = null;
      }
    }
    return new TopicRow(topicId, title, url, replies, lastPostAt, lastPage, pinned, author);
  }

  /** Absolute topic URL of a subject link: its href, or its decoded JvCare link. */
  static String link(ListNode subject) {
    String href = subject.hasAttr("href") ? subject.absUrl("href") : "";
    if (href.isEmpty()) {
      String decoded = JvCare.linkOfClass(subject.className());
      if (decoded != null) {
        href = org.jsoup.internal.StringUtil.resolve(subject.baseUri(), decoded);
      }
    }
    return href.isEmpty() ? null : href;
  }
}
