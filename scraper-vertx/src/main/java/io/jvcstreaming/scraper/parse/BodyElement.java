package io.jvcstreaming.scraper.parse;

import org.jsoup.nodes.Element;

/**
 * What the body walk ({@link PostExtractor}) asks of an element: a jsoup {@link Element} on the markup path, a
 * {@link FragmentTag} on the payload path, so both paths share one set of text and sticker rules.
 */
interface BodyElement {

  /** The lower-case tag name. */
  String normalName();

  /** The class attribute, trimmed (jsoup's {@code className()}); empty when absent. */
  String className();

  /** The first attribute of that (lower-case) name, entities decoded; empty when absent. */
  String attr(String key);

  boolean hasAttr(String key);

  /** The enclosing element, null at the top. */
  BodyElement parent();

  /** A jsoup element seen through this interface (the markup path). */
  static BodyElement of(Element el) {
    return new Jsoup(el);
  }

  /** Adapter: one small object per visited element, only on the markup path. */
  record Jsoup(Element el) implements BodyElement {
    @Override
    public String normalName() {
      return el.normalName();
    }

    @Override
    public String className() {
      return el.className();
    }

    @Override
    public String attr(String key) {
      return el.attr(key);
    }

    @Override
    public boolean hasAttr(String key) {
      return el.hasAttr(key);
    }

    @Override
    public BodyElement parent() {
      Element p = el.parent();
      return p == null ? null : new Jsoup(p);
    }
  }
}
