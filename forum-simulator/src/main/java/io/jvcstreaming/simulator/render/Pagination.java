package io.jvcstreaming.simulator.render;

import io.jvcstreaming.simulator.markup.Html;
import io.jvcstreaming.simulator.markup.JvCare;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/**
 * The bottom pagination of spec §3, shared by topic and list pages: JvCare first/prev/next/last buttons (no "last"
 * on the last page, disabled first/prev on page 1), then the zoneN nav with the current page, real links to the
 * following pages, every 10th/100th page, and the last page after a "more" marker.
 */
final class Pagination {

  static final int FOLLOWING = 3;

  private final int current;
  private final int last;
  private final IntFunction<String> url;

  public Pagination(int current, int last, IntFunction<String> url) {
    this.current = current;
    this.last = last;
    this.url = url;
  }

  /** The page numbers the zoneN nav links to, in order (the payload's partial pagerView.pages). */
  public List<Integer> linkedPages() {
    List<Integer> pages = new ArrayList<>();
    int followingEnd = Math.min(current + FOLLOWING, last);
    for (int p = current + 1; p <= followingEnd; p++) {
      pages.add(p);
    }
    for (int p = (followingEnd / 10 + 1) * 10; p < last; p += 10) {
      if (p <= current + 100 || p % 100 == 0) {
        pages.add(p);
      }
    }
    if (followingEnd < last) {
      pages.add(last);
    }
    return pages;
  }

  public void render(StringBuilder sb) {
    sb.append("<div class=\"pagination\">\n<nav class=\"pagination__navigation pagination__navigation--bottom\">");
    if (current == 1) {
      sb.append("<span class=\"pagination__item pagination__item--first pagination__item--disabled\">"
          + "<i class=\"icon-arrow-first\"></i></span>");
      sb.append("<span class=\"pagination__item pagination__item--prev pagination__item--disabled\">"
          + "<i class=\"icon-arrow-left\"></i></span>");
    } else {
      button(sb, 1, "first", "Première page", "icon-arrow-first");
      button(sb, current - 1, "prev", "Page précédente", "icon-arrow-left");
    }
    if (current < last) {
      button(sb, current + 1, "next", "Page suivante", "icon-arrow-right");
      button(sb, last, "last", "Dernière page", "icon-arrow-last");
    } else {
      sb.append("<span class=\"pagination__item pagination__item--next pagination__item--disabled\">"
          + "<i class=\"icon-arrow-right\"></i></span>");
    }
    sb.append("</nav>\n<nav class=\"pagination__navigation pagination__navigation--zoneN\">");
    sb.append("<span class=\"pagination__item pagination__item--current\">").append(current).append("</span>");
    int followingEnd = Math.min(current + FOLLOWING, last);
    for (int p : linkedPages()) {
      if (p == last && followingEnd < last) {
        sb.append("<span class=\"pagination__item pagination__item--more\">…</span>");
        if (current == 1) {
          link(sb, p);
        } else {
          JvCare.openSpan(sb, url.apply(p), "pagination__button");
          sb.append('>').append(p).append("</span>");
        }
      } else {
        link(sb, p);
      }
    }
    sb.append("</nav>\n</div>");
  }

  private void button(StringBuilder sb, int page, String kind, String title, String icon) {
    JvCare.openSpan(sb, url.apply(page), "pagination__button pagination__button--" + kind);
    sb.append(" title=\"").append(Html.escapeBody(title)).append("\"><i class=\"").append(icon).append("\"></i></span>");
  }

  private void link(StringBuilder sb, int page) {
    sb.append("<a class=\"pagination__button\" href=\"").append(url.apply(page)).append("\">").append(page).append("</a>");
  }
}
