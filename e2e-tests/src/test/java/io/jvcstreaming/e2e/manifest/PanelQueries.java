package io.jvcstreaming.e2e.manifest;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The metric names a PromQL expression reads: bare metric names, {@code {__name__="x"}} and
 * {@code {__name__=~"regex"}} selectors. Not a PromQL parser: label matchers, strings, ranges, grouping clauses,
 * functions and keywords are removed first, then every identifier left is a metric name. A query it reads wrong
 * names something no component exposes, so the test that uses it fails instead of passing silently.
 */
final class PanelQueries {

  /** A metric a query reads: an exact name, or a regular expression over names (full match, as Prometheus). */
  record Metric(String name, boolean regex) {
    boolean matches(String exposed) {
      return regex ? Pattern.matches(name, exposed) : name.equals(exposed);
    }

    @Override
    public String toString() {
      return regex ? "~" + name : name;
    }
  }

  private static final Pattern NAME_MATCHER = Pattern.compile("__name__\\s*(=~|=)\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");
  private static final Pattern SELECTOR = Pattern.compile("\\{[^{}]*}");
  private static final Pattern STRING = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"");
  private static final Pattern RANGE = Pattern.compile("\\[[^\\]]*]");
  private static final Pattern GROUPING = Pattern.compile(
      "\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)");
  private static final Pattern IDENTIFIER = Pattern.compile("(?<![\\w.$])([a-zA-Z_:][a-zA-Z0-9_:]*)(\\s*\\()?");
  private static final Set<String> KEYWORDS = Set.of("by", "without", "on", "ignoring", "group_left", "group_right",
      "bool", "offset", "and", "or", "unless", "inf", "nan");

  private PanelQueries() {
  }

  static List<Metric> metrics(String expr) {
    Set<Metric> out = new LinkedHashSet<>();
    Matcher named = NAME_MATCHER.matcher(expr);
    while (named.find()) {
      out.add(new Metric(named.group(2).replace("\\\\", "\\"), named.group(1).equals("=~")));
    }
    String rest = SELECTOR.matcher(expr).replaceAll(" ");
    rest = STRING.matcher(rest).replaceAll(" ");
    rest = RANGE.matcher(rest).replaceAll(" ");
    rest = GROUPING.matcher(rest).replaceAll(" ");
    Matcher id = IDENTIFIER.matcher(rest);
    while (id.find()) {
      boolean call = id.group(2) != null;
      String word = id.group(1);
      if (!call && !KEYWORDS.contains(word.toLowerCase(java.util.Locale.ROOT))) {
        out.add(new Metric(word, false));
      }
    }
    return new ArrayList<>(out);
  }
}
