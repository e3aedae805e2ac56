package io.jvcstreaming.scraper.parse;

import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;

/**
 * The selectors a list row is read with, each as jsoup's compiled selector (for jsoup trees) and as the same test
 * written by hand (for {@link ListElement}s, so the scan path never compiles or runs jsoup's selector code).
 */
enum ListQuery {
  SUBJECT(".tablesForum__cellSubject"),
  SUBJECT_TEXT(".tablesForum__subjectText"),
  FIRST_AVATAR(".tablesForum__firstAvatar"),
  AVATAR_IMG("img.avatar__image[alt]"),
  REPLY_COUNT(".tablesForum__cellText--msg"),
  LAST_LINK(".tablesForum__cellLink"),
  PIN_ICON(".topic-pin-on, .topic-pin-off");

  private final String css;

  ListQuery(String css) {
    this.css = css;
  }

  Evaluator evaluator() {
    return Compiled.ALL[ordinal()];
  }

  /** Compiled when jsoup first needs them (class initialisation is thread-safe): the scan path never does. */
  private static final class Compiled {
    static final Evaluator[] ALL = new Evaluator[values().length];

    static {
      for (ListQuery q : values()) {
        ALL[q.ordinal()] = QueryParser.parse(q.css);
      }
    }
  }

  /** What the selector matches, tested on a scanned element (class names lower-cased: the test ignores case). */
  boolean matches(ListElement e) {
    return switch (this) {
      case SUBJECT -> e.hasClass("tablesforum__cellsubject");
      case SUBJECT_TEXT -> e.hasClass("tablesforum__subjecttext");
      case FIRST_AVATAR -> e.hasClass("tablesforum__firstavatar");
      case AVATAR_IMG -> e.nameIs("img") && e.hasClass("avatar__image") && e.hasAttr("alt");
      case REPLY_COUNT -> e.hasClass("tablesforum__celltext--msg");
      case LAST_LINK -> e.hasClass("tablesforum__celllink");
      case PIN_ICON -> e.hasClass("topic-pin-on") || e.hasClass("topic-pin-off");
    };
  }
}
