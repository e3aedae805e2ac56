package io.jvcstreaming.scraper.parse;

import java.util.ArrayList;
import java.util.List;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.select.NodeFilter;

/**
 * One walk over a topic page's markup (2026 and legacy): message roots (not entered), title, pagination links,
 * lock, canonical URL. Collects elements only; {@link MarkupReader} decides what they mean.
 */
final class MarkupPageScan implements NodeFilter {
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
      boolean isMessageUser = Selectors.hasToken(cls, "messageUser");
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
      if (Selectors.hasToken(cls, "bloc-message-forum")) {
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
      if (currentPage < 0 && (cls.contains("pagination__item--current") || Selectors.hasToken(cls, "page-active"))) {
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

  private static Element childWithClass(Element el, String token) {
    for (int i = 0, n = el.childNodeSize(); i < n; i++) {
      Node c = el.childNode(i);
      if (c instanceof Element && Selectors.hasToken(((Element) c).className(), token)) {
        return (Element) c;
      }
    }
    return null;
  }
}
