package io.jvcstreaming.scraper.parse;

import io.jvcstreaming.model.Post;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.TreeMap;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.parser.Parser;
import org.jsoup.select.NodeFilter;

/**
 * Topic page parser (spec §3-§7). Pure functions of the page text and its URL.
 *
 * <p>{@link #parseHtml} reads the server-rendered markup (2026 markup; legacy markup as a fallback), walking the
 * document once for page-level parts and once per message. {@link #parsePayload} reads only the embedded
 * {@code forumsAppPayload}. {@link #parse} does the HTML first and uses the payload as a cross-check (page count,
 * messages the markup lost) or as the fallback when the markup holds no message.
 */
public final class TopicPageParser {

  /** The author of a message whose account was deleted. */
  public static final String DELETED_AUTHOR = "Pseudo supprimé";

  private TopicPageParser() {
  }

  // ------------------------------------------------------------------------------------------------ parse (both)

  /**
   * HTML first; the payload, when the page has one, as cross-check and fallback.
   *
   * @throws PageParseException challenge page, truncated page, unrelated page, markup and payload both unusable
   */
  public static TopicPage parse(String html, String pageUrl) throws PageParseException {
    return PostLineCap.apply(parseUncapped(html, pageUrl));
  }

  private static TopicPage parseUncapped(String html, String pageUrl) throws PageParseException {
    Objects.requireNonNull(html, "html");
    TopicPage fast = fromPayloadIfConsistent(html, pageUrl);
    if (fast != null) {
      return fast;
    }
    TopicPage fromHtml = null;
    PageParseException htmlError = null;
    try {
      fromHtml = parseHtmlUncapped(html, pageUrl);
    } catch (PageParseException e) {
      if (e.reason().startsWith("truncated") || e.reason().equals("challenge page")) {
        throw e;
      }
      htmlError = e;
    }
    if (!Payload.present(html)) {
      if (fromHtml != null) {
        return fromHtml;
      }
      throw htmlError;
    }
    Payload payload;
    try {
      payload = Payload.read(html);
    } catch (PageParseException e) {
      if (fromHtml != null) {
        return fromHtml.withPayloadProblem(e.reason()); // a broken payload does not spoil good markup
      }
      throw htmlError.reason().startsWith("no ") ? e : htmlError;
    }
    if (fromHtml == null || fromHtml.posts().isEmpty()) {
      TopicPage fromPayload = fromPayload(payload, pageUrl, null);
      if (fromHtml == null || !fromPayload.posts().isEmpty()) {
        return fromPayload;
      }
      return fromHtml;
    }
    return crossCheck(fromHtml, payload, pageUrl);
  }

  private static final Pattern MESSAGE_ID = Pattern.compile("id=\"message-(\\d+)\"");
  private static final String CONTAINER = "id=\"listMessages\"";

  /**
   * The fast path, about three times cheaper than the markup: the payload is found by a string search and is
   * a gunzip plus a small JSON, while the markup needs the whole document through jsoup. It is taken only when
   * the raw page is whole (its message container is closed) and every message id in the markup is also in the
   * payload, complete; otherwise null, and the markup path decides.
   */
  private static TopicPage fromPayloadIfConsistent(String html, String pageUrl) throws PageParseException {
    if (!Payload.present(html)) {
      return null;
    }
    int container = RawHtml.tagStartOf(html, CONTAINER, false);
    if (container < 0) {
      return null;
    }
    if (!RawHtml.closesHtmlAfter(html, container) && !RawHtml.elementClosed(html, container)) {
      throw new PageParseException("truncated html");
    }
    Payload payload;
    TopicPage page;
    try {
      payload = Payload.read(html);
      if (payload == null) {
        return null;
      }
      page = fromPayload(payload, pageUrl, null);
    } catch (PageParseException e) {
      return null; // a broken payload: the markup may still be fine
    }
    if (page.skippedMessages() > 0 || page.posts().isEmpty()) {
      return null;
    }
    Set<Long> inPayload = new HashSet<>();
    for (Payload.Message m : payload.messages) {
      inPayload.add(m.id());
    }
    Matcher ids = MESSAGE_ID.matcher(html);
    while (ids.find()) {
      if (!inPayload.contains(Long.parseLong(ids.group(1)))) {
        return null; // the markup shows a message the payload lacks
      }
    }
    return page;
  }

  /** Adds to an HTML page the page count and the messages only the payload has. */
  private static TopicPage crossCheck(TopicPage fromHtml, Payload payload, String pageUrl) {
    int lastPage = Math.max(fromHtml.lastPage(), payload.pageCount);
    boolean locked = fromHtml.locked() || payload.readOnly;
    Set<Long> known = new HashSet<>();
    for (Post p : fromHtml.posts()) {
      known.add(p.id());
    }
    boolean missing = false;
    for (Payload.Message m : payload.messages) {
      if (m.id() > 0 && !known.contains(m.id()) && !"msg-deleted".equals(m.state())) {
        missing = true;
        break;
      }
    }
    if (!missing) {
      if (lastPage == fromHtml.lastPage() && locked == fromHtml.locked()) {
        return fromHtml;
      }
      return new TopicPage(fromHtml.topicId(), fromHtml.title(), fromHtml.currentPage(), lastPage,
          fromHtml.posts(), fromHtml.skippedMessages(), locked, TopicPage.Source.HTML);
    }
    TopicPage extra;
    try {
      extra = fromPayload(payload, pageUrl, known);
    } catch (PageParseException e) {
      return fromHtml;
    }
    TreeMap<Long, Post> merged = new TreeMap<>();
    for (Post p : fromHtml.posts()) {
      merged.put(p.id(), p);
    }
    int recovered = 0;
    for (Post p : extra.posts()) {
      if (merged.putIfAbsent(p.id(), withTopic(p, fromHtml)) == null) {
        recovered++;
      }
    }
    return new TopicPage(fromHtml.topicId(), fromHtml.title(), fromHtml.currentPage(), lastPage,
        new ArrayList<>(merged.values()), Math.max(0, fromHtml.skippedMessages() - recovered), locked,
        TopicPage.Source.HTML);
  }

  private static Post withTopic(Post p, TopicPage page) {
    if (p.topicId() == page.topicId() && p.topic().equals(page.title())) {
      return p;
    }
    return new Post(p.seq(), p.id(), page.topicId(), page.title(), p.author(), p.postedAt(), p.text(),
        p.stickers(), p.url());
  }

  // ------------------------------------------------------------------------------------------------ payload path

  /**
   * Reads the posts from the embedded {@code forumsAppPayload} only.
   *
   * @throws PageParseException no payload, undecodable payload, no topic id
   */
  public static TopicPage parsePayload(String html, String pageUrl) throws PageParseException {
    return PostLineCap.apply(parsePayloadUncapped(html, pageUrl));
  }

  private static TopicPage parsePayloadUncapped(String html, String pageUrl) throws PageParseException {
    Objects.requireNonNull(html, "html");
    Payload payload = Payload.read(html);
    if (payload == null) {
      throw new PageParseException(ChallengeDetector.hasForumMarker(html)
          ? "no payload" : RawHtml.missingMarkupReason(html, "no payload"));
    }
    return fromPayload(payload, pageUrl, null);
  }

  private static TopicPage fromPayload(Payload payload, String pageUrl, Set<Long> skipIds)
      throws PageParseException {
    long topicId = ForumUrls.topicId(pageUrl).orElse(payload.topicId);
    if (topicId <= 0) {
      throw new PageParseException("no topic id");
    }
    String title = payload.title == null ? "" : cleanTitle(payload.title);
    int current = payload.currentPage > 0 ? payload.currentPage : ForumUrls.pageOf(pageUrl).orElse(1);
    int last = Math.max(current, payload.pageCount);
    String url = pageUrl == null ? "" : pageUrl;
    Map<Long, Post> posts = new TreeMap<>();
    Set<Long> incomplete = new HashSet<>();
    int skipped = 0;
    for (Payload.Message m : payload.messages) {
      if ("msg-deleted".equals(m.state())) {
        continue;
      }
      if (m.id() <= 0) {
        skipped++;
        continue;
      }
      if (skipIds != null && skipIds.contains(m.id())) {
        continue;
      }
      String author = m.authorDeleted() ? DELETED_AUTHOR : m.author() == null ? "" : m.author().trim();
      Instant at = payloadDate(m.date());
      if (author.isEmpty() || at == null || m.renderedText() == null) {
        incomplete.add(m.id());
        continue;
      }
      Element body = Jsoup.parseBodyFragment(m.renderedText()).body();
      Element msg = body.selectFirst(Selectors.MSG_BODY);
      PostExtractor.Body b = PostExtractor.extract(msg != null ? msg : body);
      posts.putIfAbsent(m.id(), new Post(Post.UNSEQUENCED, m.id(), topicId, title, author, at, b.text(),
          b.stickers(), url));
    }
    incomplete.removeAll(posts.keySet());
    return new TopicPage(topicId, title, current, last, new ArrayList<>(posts.values()),
        skipped + incomplete.size(), payload.readOnly, TopicPage.Source.PAYLOAD);
  }

  private static Instant payloadDate(String date) {
    if (date == null || date.isBlank()) {
      return null;
    }
    Instant at = ForumDates.parseOrNull(date);
    if (at != null) {
      return at;
    }
    String d = date.trim();
    try {
      return OffsetDateTime.parse(d).toInstant();
    } catch (DateTimeParseException e) {
      // next form
    }
    try {
      return LocalDateTime.parse(d.replace(' ', 'T')).atZone(ForumDates.PARIS).toInstant();
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  static String cleanTitle(String raw) {
    String t = raw.indexOf('&') >= 0 ? Parser.unescapeEntities(raw, false) : raw;
    return collapse(t);
  }

  static String collapse(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    boolean space = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (PostExtractor.isWhitespace(c)) {
        space = sb.length() > 0;
      } else {
        if (space) {
          sb.append(' ');
          space = false;
        }
        sb.append(c);
      }
    }
    return sb.toString();
  }

  // ------------------------------------------------------------------------------------------------ HTML path

  /**
   * Reads the posts from the server-rendered markup (2026 markup, legacy markup as a fallback).
   *
   * @throws PageParseException challenge page, truncated page, unrelated page or changed markup
   */
  public static TopicPage parseHtml(String html, String pageUrl) throws PageParseException {
    return PostLineCap.apply(parseHtmlUncapped(html, pageUrl));
  }

  private static TopicPage parseHtmlUncapped(String html, String pageUrl) throws PageParseException {
    Objects.requireNonNull(html, "html");
    Document doc = Jsoup.parse(html, RawHtml.baseUri(pageUrl));
    PageScan scan = new PageScan();
    doc.filter(scan);

    boolean legacy = scan.roots.isEmpty() && scan.container == null && !scan.legacyRoots.isEmpty();
    List<Element[]> roots = legacy ? scan.legacyRoots : scan.roots;
    if (roots.isEmpty() && scan.container == null) {
      throw new PageParseException(RawHtml.missingMarkupReason(html, "no #listMessages"));
    }
    checkComplete(html, scan, legacy, roots);

    long topicId = topicId(pageUrl, scan);
    if (topicId <= 0) {
      throw new PageParseException("no topic id");
    }
    String title = title(doc, scan);
    int current = scan.currentPage > 0 ? scan.currentPage : ForumUrls.pageOf(pageUrl).orElse(1);
    int last = current;
    for (String link : scan.pageLinks) {
      OptionalLong linkTopic = ForumUrls.topicId(link);
      if (linkTopic.isPresent() && linkTopic.getAsLong() == topicId) {
        OptionalInt page = ForumUrls.pageOf(link);
        if (page.isPresent() && page.getAsInt() > last) {
          last = page.getAsInt();
        }
      }
    }
    if (roots.isEmpty()) {
      // an empty container: the payload-only variant (or changed message markup)
      if (Payload.present(html)) {
        return new TopicPage(topicId, title, current, last, List.of(), 0, scan.locked, TopicPage.Source.HTML);
      }
      throw new PageParseException("no messages");
    }

    String url = pageUrl == null ? "" : pageUrl;
    Map<Long, Post> posts = new HashMap<>(roots.size() * 2);
    Set<Long> incomplete = null;
    int noId = 0;
    MessageScan ms = new MessageScan(legacy);
    for (Element[] r : roots) {
      long id = messageId(r[1], legacy);
      if (id <= 0) {
        noId++;
        continue;
      }
      if (posts.containsKey(id)) {
        continue; // the hydrated copy of a message already read
      }
      Post post = readMessage(ms, r[0], id, topicId, title, url);
      if (post == null) {
        if (incomplete == null) {
          incomplete = new HashSet<>();
        }
        incomplete.add(id);
      } else {
        posts.put(id, post);
      }
    }
    int skipped = noId;
    if (incomplete != null) {
      incomplete.removeAll(posts.keySet());
      skipped += incomplete.size();
    }
    List<Post> sorted = new ArrayList<>(posts.values());
    sorted.sort((a, b) -> Long.compare(a.id(), b.id()));
    return new TopicPage(topicId, title, current, last, sorted, skipped, scan.locked, TopicPage.Source.HTML);
  }

  private static void checkComplete(String html, PageScan scan, boolean legacy, List<Element[]> roots)
      throws PageParseException {
    int start;
    if (!legacy && scan.container != null) {
      start = RawHtml.tagStartOf(html, "id=\"listMessages\"", false);
      if (start < 0) {
        start = RawHtml.tagStartOf(html, "listMessages", false);
      }
      if (start < 0 || RawHtml.closesHtmlAfter(html, start) || RawHtml.elementClosed(html, start)) {
        return;
      }
      throw new PageParseException("truncated html");
    }
    start = RawHtml.tagStartOf(html, legacy ? "bloc-message-forum" : "id=\"message-", true);
    if (start < 0 && !legacy) {
      start = RawHtml.tagStartOf(html, "messageUser", true);
    }
    if (start < 0 || RawHtml.closesHtmlAfter(html, start)) {
      return;
    }
    Element lastRoot = roots.get(roots.size() - 1)[1];
    if (!RawHtml.elementClosed(html, start) || !RawHtml.hasFollowingElement(lastRoot)) {
      throw new PageParseException("truncated html");
    }
  }

  private static long topicId(String pageUrl, PageScan scan) {
    OptionalLong id = ForumUrls.topicId(pageUrl);
    if (id.isPresent()) {
      return id.getAsLong();
    }
    if (scan.canonical != null) {
      id = ForumUrls.topicId(scan.canonical);
      if (id.isPresent()) {
        return id.getAsLong();
      }
    }
    for (String link : scan.pageLinks) {
      id = ForumUrls.topicId(link);
      if (id.isPresent()) {
        return id.getAsLong();
      }
    }
    return -1;
  }

  private static String title(Document doc, PageScan scan) {
    if (scan.titleEl != null) {
      String t = scan.titleEl.text();
      if (!t.isEmpty()) {
        return t;
      }
    }
    if (scan.legacyTitleEl != null) {
      String t = scan.legacyTitleEl.text();
      if (!t.isEmpty()) {
        return t;
      }
    }
    if (scan.breadcrumbEl != null) {
      String t = scan.breadcrumbEl.text();
      if (t.startsWith("Topic ")) {
        t = t.substring(6).trim();
      }
      if (!t.isEmpty()) {
        return t;
      }
    }
    String t = doc.title();
    int cut = t.lastIndexOf(" sur le forum ");
    return cut > 0 ? t.substring(0, cut).trim() : "";
  }

  private static long messageId(Element idHolder, boolean legacy) {
    String v = legacy ? idHolder.attr("data-id") : idHolder.id();
    if (!legacy) {
      if (!v.startsWith("message-")) {
        return -1;
      }
      v = v.substring(8);
    }
    return ForumUrls.parsePositiveLong(v.trim());
  }

  private static Post readMessage(MessageScan ms, Element root, long id, long topicId, String title,
                                  String url) {
    ms.reset();
    root.filter(ms);
    if (ms.label == null || ms.date == null || ms.msg == null) {
      return null;
    }
    String author = ms.label.text();
    if (author.isEmpty()) {
      return null;
    }
    Instant at = ForumDates.parseOrNull(ms.date.text());
    if (at == null) {
      return null;
    }
    PostExtractor.Body body = PostExtractor.extract(ms.msg);
    return new Post(Post.UNSEQUENCED, id, topicId, title, author, at, body.text(), body.stickers(), url);
  }

  // ------------------------------------------------------------------------------------------------ walkers

  /** One walk over the page: message roots (not entered), title, pagination, lock, canonical URL. */
  private static final class PageScan implements NodeFilter {
    /** {root, element carrying the id} */
    final List<Element[]> roots = new ArrayList<>(24);
    final List<Element[]> legacyRoots = new ArrayList<>(0);
    final List<String> pageLinks = new ArrayList<>(16);
    Element container;
    Element titleEl;
    Element legacyTitleEl;
    Element breadcrumbEl;
    String canonical;
    int currentPage = -1;
    boolean locked;
    /** Inside a pagination element (non-zero) and the depth of the outermost one. */
    private int paginationDepth;
    private int paginationStart = -1;

    @Override
    public FilterResult head(Node node, int depth) {
      if (!(node instanceof Element)) {
        return FilterResult.SKIP_CHILDREN;
      }
      Element el = (Element) node;
      String tag = el.normalName();
      String id = el.id();
      String cls = el.className();
      if (tag.equals("div")) {
        boolean isMessageUser = hasToken(cls, "messageUser");
        if (id.startsWith("message-")) {
          if (isMessageUser) {
            roots.add(new Element[] {el, el});
            return FilterResult.SKIP_ENTIRELY;
          }
          Element inner = childWithClass(el, "messageUser");
          if (inner != null) {
            roots.add(new Element[] {inner, el}); // hydrated variant div#message-{id} > div.messageUser
            return FilterResult.SKIP_ENTIRELY;
          }
        } else if (isMessageUser) {
          roots.add(new Element[] {el, el}); // no id: counted as skipped
          return FilterResult.SKIP_ENTIRELY;
        }
        if (hasToken(cls, "bloc-message-forum")) {
          legacyRoots.add(new Element[] {el, el});
          return FilterResult.SKIP_ENTIRELY;
        }
        if (id.equals("listMessages")) {
          container = el;
        }
      }
      if (!cls.isEmpty()) {
        if (cls.contains("pagi") || cls.contains("num-page")) {
          if (paginationDepth == 0) {
            paginationStart = depth;
          }
          paginationDepth++;
        }
        if (cls.contains("lockInfo") || cls.contains("message-lock-topic")) {
          locked = true;
        }
        if (currentPage < 0 && (cls.contains("pagination__item--current") || hasToken(cls, "page-active"))) {
          long v = ForumUrls.parsePositiveLong(el.text().trim());
          if (v > 0 && v <= Integer.MAX_VALUE) {
            currentPage = (int) v;
          }
        }
        if (titleEl == null && tag.equals("h2") && cls.contains("titleMessagesUsers__title")) {
          titleEl = el;
        }
        if (breadcrumbEl == null && tag.equals("h1") && cls.contains("breadcrumb__item")) {
          breadcrumbEl = el;
        }
      }
      if (legacyTitleEl == null && id.equals("bloc-title-forum")) {
        legacyTitleEl = el;
      }
      if (paginationDepth > 0) {
        String link = tag.equals("a") ? el.attr("href") : JvCare.linkOf(el);
        if (link != null && !link.isEmpty()) {
          pageLinks.add(link);
        }
      }
      if (canonical == null && tag.equals("link") && el.attr("rel").equalsIgnoreCase("canonical")) {
        canonical = el.attr("href");
      }
      return FilterResult.CONTINUE;
    }

    @Override
    public FilterResult tail(Node node, int depth) {
      if (paginationDepth > 0 && depth == paginationStart && node instanceof Element) {
        paginationDepth = 0; // leaving the outermost pagination element
      }
      return FilterResult.CONTINUE;
    }
  }

  /** One walk over a message: first pseudo, date and body elements; the body is not entered. */
  private static final class MessageScan implements NodeFilter {
    private final String labelClass;
    private final String dateClass;
    private final String msgClass;
    Element label;
    Element date;
    Element msg;

    MessageScan(boolean legacy) {
      labelClass = legacy ? "bloc-pseudo-msg" : "messageUser__label";
      dateClass = legacy ? "bloc-date-msg" : "messageUser__date";
      msgClass = legacy ? "txt-msg" : "messageUser__msg";
    }

    void reset() {
      label = null;
      date = null;
      msg = null;
    }

    @Override
    public FilterResult head(Node node, int depth) {
      if (!(node instanceof Element)) {
        return FilterResult.SKIP_CHILDREN;
      }
      Element el = (Element) node;
      String cls = el.className();
      if (cls.isEmpty()) {
        return FilterResult.CONTINUE;
      }
      if (msg == null && hasToken(cls, msgClass)) {
        msg = el;
        return label != null && date != null ? FilterResult.STOP : FilterResult.SKIP_CHILDREN;
      }
      if (label == null && hasToken(cls, labelClass)) {
        label = el;
        return FilterResult.SKIP_CHILDREN;
      }
      if (date == null && hasToken(cls, dateClass)) {
        date = el;
        return FilterResult.SKIP_CHILDREN;
      }
      if (hasToken(cls, "messageUser__signature") || hasToken(cls, "signature-msg")) {
        return FilterResult.SKIP_ENTIRELY;
      }
      return FilterResult.CONTINUE;
    }

    @Override
    public FilterResult tail(Node node, int depth) {
      return FilterResult.CONTINUE;
    }
  }

  private static Element childWithClass(Element el, String token) {
    for (int i = 0, n = el.childNodeSize(); i < n; i++) {
      Node c = el.childNode(i);
      if (c instanceof Element && hasToken(((Element) c).className(), token)) {
        return (Element) c;
      }
    }
    return null;
  }

  /** True if the class attribute value holds exactly this token (case-sensitive, as the site writes them). */
  static boolean hasToken(String cls, String token) {
    int len = token.length();
    int from = 0;
    while (true) {
      int at = cls.indexOf(token, from);
      if (at < 0) {
        return false;
      }
      int end = at + len;
      if ((at == 0 || Character.isWhitespace(cls.charAt(at - 1)))
          && (end == cls.length() || Character.isWhitespace(cls.charAt(end)))) {
        return true;
      }
      from = at + 1;
    }
  }
}
