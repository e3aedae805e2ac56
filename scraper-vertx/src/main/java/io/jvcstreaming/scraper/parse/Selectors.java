package io.jvcstreaming.scraper.parse;

import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;

/** Compiled selectors and the class-token test shared by the parsers (compiled once, reused). */
final class Selectors {

  private Selectors() {
  }

  /** A message body in a payload fragment (2026 or legacy class). */
  static final Evaluator MSG_BODY = QueryParser.parse(".messageUser__msg, .txt-msg");

  // list page
  static final Evaluator LIST_CONTAINER = QueryParser.parse("ul.tablesForum--listTopics");
  static final Evaluator LIST_CONTAINER_ANY = QueryParser.parse("ul.tablesForum");
  static final Evaluator LEGACY_LIST_CONTAINER = QueryParser.parse("ul.topic-list");
  static final Evaluator SUBJECT = QueryParser.parse(".tablesForum__cellSubject");
  static final Evaluator SUBJECT_TEXT = QueryParser.parse(".tablesForum__subjectText");
  static final Evaluator FIRST_AVATAR = QueryParser.parse(".tablesForum__firstAvatar");
  static final Evaluator AVATAR_IMG = QueryParser.parse("img.avatar__image[alt]");
  static final Evaluator REPLY_COUNT = QueryParser.parse(".tablesForum__cellText--msg");
  static final Evaluator LAST_LINK = QueryParser.parse(".tablesForum__cellLink");
  static final Evaluator PIN_ICON = QueryParser.parse(".topic-pin-on, .topic-pin-off");
  static final Evaluator LEGACY_TITLE = QueryParser.parse(".topic-title, .topic-subject a");
  static final Evaluator LEGACY_AUTHOR = QueryParser.parse(".topic-author");
  static final Evaluator LEGACY_COUNT = QueryParser.parse(".topic-count");
  static final Evaluator LEGACY_DATE = QueryParser.parse(".topic-date");
  static final Evaluator LEGACY_PIN = QueryParser.parse(
      ".topic-pin-on, .topic-pin-off, [class*=topic-pin], img[src*=marque-on], img[src*=marque-off]");

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
