package io.jvcstreaming.scraper.parse;

import java.util.ArrayList;
import java.util.List;
import org.jsoup.nodes.Element;

/**
 * What reading a list page's rows asks of an element: a jsoup {@link Element} when jsoup parsed the page, a
 * {@link ListElement} when {@link ListPageScan} read it without jsoup, so both share one set of row rules
 * ({@link ListRows}).
 */
interface ListNode {

  boolean nameIs(String lowerCaseName);

  /** The id attribute; empty when absent. */
  String id();

  /** The class attribute, trimmed (jsoup's {@code className()}); empty when absent. */
  String className();

  /** Whether a class token equals this one, case ignored (jsoup's {@code hasClass}). */
  boolean hasClass(String name);

  boolean hasAttr(String key);

  /** The first attribute of that (lower-case) name, entities decoded; empty when absent. */
  String attr(String key);

  /** The attribute resolved against the page's base URI as jsoup's {@code absUrl} does; empty when absent. */
  String absUrl(String key);

  String baseUri();

  /** Child elements, in order. */
  List<? extends ListNode> children();

  /** jsoup's {@code text()}: the text below, whitespace normalised and trimmed. */
  String text();

  /** The first element in document order, this one included, that the query matches; null if none. */
  ListNode selectFirst(ListQuery query);

  /** Adapter of a jsoup element (the path for pages the scan refuses). */
  record Jsoup(Element el) implements ListNode {
    @Override
    public boolean nameIs(String lowerCaseName) {
      return el.nameIs(lowerCaseName);
    }

    @Override
    public String id() {
      return el.id();
    }

    @Override
    public String className() {
      return el.className();
    }

    @Override
    public boolean hasClass(String name) {
      return el.hasClass(name);
    }

    @Override
    public boolean hasAttr(String key) {
      return el.hasAttr(key);
    }

    @Override
    public String attr(String key) {
      return el.attr(key);
    }

    @Override
    public String absUrl(String key) {
      return el.absUrl(key);
    }

    @Override
    public String baseUri() {
      return el.baseUri();
    }

    @Override
    public List<Jsoup> children() {
      List<Jsoup> out = new ArrayList<>(el.childrenSize());
      for (Element child : el.children()) {
        out.add(new Jsoup(child));
      }
      return out;
    }

    @Override
    public String text() {
      return el.text();
    }

    @Override
    public ListNode selectFirst(ListQuery query) {
      Element found = el.selectFirst(query.evaluator());
      return found == null ? null : new Jsoup(found);
    }
  }
}
