package io.jvcstreaming.scraper.parse;

import org.jsoup.internal.StringUtil;

/**
 * The links of one page resolved as jsoup's {@code absUrl} resolves them ({@link StringUtil#resolve}), without its
 * two regexes and two {@code java.net.URL}s per link for the form a list page's links take: a path from the site's
 * root in printable ASCII, with no dot segment, query or fragment. jsoup resolves such a path to the page's origin
 * followed by the path, so the origin is asked of jsoup once per page, and checked on a probe path, and every
 * other link still goes to jsoup. Why: the resolves were a fifth of a list page's parse (profile in BENCHMARKS.md).
 * One page, one thread at a time.
 */
final class PageLinks {

  private final String base;
  /** jsoup's resolution of "/" without its slash; "" where the probe did not hold; null until asked. */
  private String origin;

  PageLinks(String base) {
    this.base = base;
  }

  String base() {
    return base;
  }

  /** {@code StringUtil.resolve(base(), rel)}. */
  String resolve(String rel) {
    if (isPlainRootPath(rel)) {
      String o = origin();
      if (!o.isEmpty()) {
        return o.concat(rel);
      }
    }
    return StringUtil.resolve(base, rel);
  }

  /** A path from the root, not "//" (another host), printable ASCII but for '\', '?' and '#', no "/." anywhere. */
  static boolean isPlainRootPath(String rel) {
    int n = rel.length();
    if (n == 0 || rel.charAt(0) != '/' || (n > 1 && rel.charAt(1) == '/')) {
      return false;
    }
    for (int i = 1; i < n; i++) {
      char c = rel.charAt(i);
      if (c <= ' ' || c >= 0x7f || c == '\\' || c == '?' || c == '#' || (c == '.' && rel.charAt(i - 1) == '/')) {
        return false;
      }
    }
    return true;
  }

  private String origin() {
    if (origin == null) {
      String root = StringUtil.resolve(base, "/");
      String o = root.endsWith("/") ? root.substring(0, root.length() - 1) : "";
      origin = !o.isEmpty() && StringUtil.resolve(base, "/a-b/c_1.htm").equals(o + "/a-b/c_1.htm") ? o : "";
    }
    return origin;
  }
}
