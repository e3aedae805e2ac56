package io.jvcstreaming.scraper.parse;

/**
 * One element of a payload fragment as {@link FragmentText} scanned it: tag name, attributes as offsets into the
 * fragment (decoded only when asked for, since the walk reads few of them), the enclosing element, and what the
 * walk answered when it opened.
 */
class FragmentTag implements BodyElement {

  /** The {@code body} a fragment is parsed into: what a top-level element sees as its parent. */
  static final FragmentTag BODY = new FragmentTag("body", "", new int[0], 0, null);

  final String name;
  final FragmentTag parent;
  /** The walk's {@code open} answer, {@link PostExtractor.Walker#SKIP} included. */
  int flags;
  /** Content left out: this element or an ancestor was skipped. */
  boolean skipped;

  private final String src;
  /** Per attribute: name start, name end, value start, value end (value start -1: no value). */
  private final int[] spans;
  private final int count;
  private String classAttr;
  private String className;

  FragmentTag(String name, String src, int[] spans, int count, FragmentTag parent) {
    this.name = name;
    this.src = src;
    this.spans = spans;
    this.count = count;
    this.parent = parent;
  }

  /** Whether the content of this element is left out of the walk. */
  boolean contentSkipped() {
    return skipped || flags == PostExtractor.Walker.SKIP;
  }

  @Override
  public String normalName() {
    return name;
  }

  @Override
  public String className() {
    if (className == null) {
      className = classAttr().trim(); // asked several times per element by the walk
    }
    return className;
  }

  /** The class attribute as written, decoded once: what class tests split (trimming would drop control chars). */
  String classAttr() {
    if (classAttr == null) {
      classAttr = attr("class");
    }
    return classAttr;
  }

  @Override
  public String attr(String key) {
    int a = find(key);
    if (a < 0 || spans[a + 2] < 0) {
      return "";
    }
    return FragmentText.decodeAttribute(src, spans[a + 2], spans[a + 3]);
  }

  @Override
  public boolean hasAttr(String key) {
    return find(key) >= 0;
  }

  @Override
  public BodyElement parent() {
    return parent;
  }

  /** The first attribute of that name, ASCII case ignored (jsoup lower-cases names and keeps the first). */
  private int find(String key) {
    for (int a = 0; a < count * 4; a += 4) {
      int len = spans[a + 1] - spans[a];
      if (len == key.length() && src.regionMatches(true, spans[a], key, 0, len)) {
        return a;
      }
    }
    return -1;
  }
}
