package io.jvcstreaming.scraper.parse;

import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.select.NodeFilter;

/**
 * One walk over one message's markup: its first pseudo, date and body elements (2026 or legacy class names);
 * the body and the signature are not entered. Reused across the messages of a page ({@link #reset}).
 */
final class MarkupMessageScan implements NodeFilter {
  private final String labelClass;
  private final String dateClass;
  private final String msgClass;
  Element label;
  Element date;
  Element msg;

  MarkupMessageScan(boolean legacy) {
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
    if (msg == null && Selectors.hasToken(cls, msgClass)) {
      msg = el;
      return label != null && date != null ? FilterResult.STOP : FilterResult.SKIP_CHILDREN;
    }
    if (label == null && Selectors.hasToken(cls, labelClass)) {
      label = el;
      return FilterResult.SKIP_CHILDREN;
    }
    if (date == null && Selectors.hasToken(cls, dateClass)) {
      date = el;
      return FilterResult.SKIP_CHILDREN;
    }
    if (Selectors.hasToken(cls, "messageUser__signature") || Selectors.hasToken(cls, "signature-msg")) {
      return FilterResult.SKIP_ENTIRELY;
    }
    return FilterResult.CONTINUE;
  }

  @Override
  public FilterResult tail(Node node, int depth) {
    return FilterResult.CONTINUE;
  }
}
