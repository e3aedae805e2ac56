package io.jvcstreaming.simulator.render;

import io.jvcstreaming.simulator.markup.ForumUrls;

/** The parts every forum page shares: doctype, head, header, breadcrumb. */
final class PageChrome {

  private PageChrome() {
  }

  static void open(StringBuilder sb, String escapedTitle) {
    sb.append("<!DOCTYPE html>\n<html lang=\"fr\">\n<head>\n<meta charset=\"utf-8\">\n<title>").append(escapedTitle)
        .append("</title>\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<link rel=\"stylesheet\" href=\"/css/forums.css\">\n</head>\n<body class=\"body-forums\">\n")
        .append("<header class=\"header\"><a class=\"header__logo\" href=\"/\">jeuxvideo.com</a></header>\n")
        .append("<div class=\"layout__content\">\n");
  }

  /** {@code <nav class="breadcrumb">} ending with the page's h1 (already escaped). */
  static void breadcrumb(StringBuilder sb, String escapedH1, boolean linkForum) {
    sb.append("<nav class=\"breadcrumb\"><a class=\"breadcrumb__item\" href=\"/forums.htm\">Forums</a>")
        .append("<span class=\"breadcrumb__item\">Communauté</span>");
    if (linkForum) {
      sb.append("<a class=\"breadcrumb__item\" href=\"").append(ForumUrls.listPage(1)).append("\">Forum ")
          .append(ForumUrls.FORUM_NAME).append("</a>");
    }
    sb.append("<h1 class=\"breadcrumb__item\">").append(escapedH1).append("</h1></nav>\n");
  }

  static void close(StringBuilder sb) {
    sb.append("</div>\n<footer class=\"footer\">© 2026 jeuxvideo.com</footer>\n</body>\n</html>\n");
  }
}
