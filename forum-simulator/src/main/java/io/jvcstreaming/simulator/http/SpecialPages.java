package io.jvcstreaming.simulator.http;

import io.jvcstreaming.simulator.markup.Html;

/** The small non-forum pages: redirects, 410, 404, the forums index, the Cloudflare challenge. */
final class SpecialPages {

  private SpecialPages() {
  }

  /** The tiny body the forum sends with its redirects (spec §1: unknown topic). */
  static String redirecting(String url) {
    String u = Html.escapeMinimal(url);
    return "<!DOCTYPE html>\n<html>\n    <head>\n        <meta charset=\"UTF-8\" />\n"
        + "        <meta http-equiv=\"refresh\" content=\"0;url='" + u + "'\" />\n\n        <title>Redirecting to " + u
        + "</title>\n    </head>\n    <body>\n        Redirecting to <a href=\"" + u + "\">" + u + "</a>.\n    </body>\n</html>";
  }

  static String gone() {
    return "<!DOCTYPE html>\n<html lang=\"fr\"><head><meta charset=\"utf-8\"><title>Erreur 410 - jeuxvideo.com</title></head>"
        + "<body><div class=\"layout__content\"><h1 class=\"errorPage__title\">Oups ! Ce contenu n'existe plus.</h1>"
        + "<p>Le sujet ou le message que vous cherchez a été supprimé.</p><a href=\"/forums.htm\">Retour aux forums</a>"
        + "</div></body></html>\n";
  }

  static String notFound() {
    return "<!DOCTYPE html>\n<html lang=\"fr\"><head><meta charset=\"utf-8\"><title>Erreur 404 - jeuxvideo.com</title></head>"
        + "<body><h1>Page introuvable</h1></body></html>\n";
  }

  static String forumsIndex(String listUrl) {
    return "<!DOCTYPE html>\n<html lang=\"fr\"><head><meta charset=\"utf-8\"><title>Forums - jeuxvideo.com</title></head>"
        + "<body><div class=\"layout__content\"><h1>Forums</h1><ul class=\"forumsList\"><li><a href=\"" + listUrl
        + "\">Blabla 18-25 ans</a></li></ul></div></body></html>\n";
  }

  static String serviceUnavailable() {
    return "<!DOCTYPE html>\n<html><head><title>503 Service Temporarily Unavailable</title></head>"
        + "<body><center><h1>503 Service Temporarily Unavailable</h1></center></body></html>\n";
  }

  static String tooManyRequests() {
    return "<!DOCTYPE html>\n<html><head><title>429 Too Many Requests</title></head>"
        + "<body><center><h1>429 Too Many Requests</h1></center></body></html>\n";
  }

  /** A Cloudflare managed challenge: no forum markup at all. */
  static String challenge(String rayId) {
    return "<!DOCTYPE html><html lang=\"en-US\"><head><title>Just a moment...</title>"
        + "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=UTF-8\">"
        + "<meta http-equiv=\"X-UA-Compatible\" content=\"IE=Edge\"><meta name=\"robots\" content=\"noindex,nofollow\">"
        + "<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\"><meta http-equiv=\"refresh\" content=\"360\">"
        + "</head><body><div class=\"main-wrapper\" role=\"main\"><div class=\"main-content\">"
        + "<h1 class=\"zone-name-title h1\">www.jeuxvideo.com</h1><h2 class=\"h2\" id=\"challenge-running\">"
        + "Verifying you are human. This may take a few seconds.</h2>"
        + "<noscript><div class=\"h2\">Enable JavaScript and cookies to continue</div></noscript></div></div>"
        + "<script>(function(){window._cf_chl_opt={cvId: '3',cZone: \"www.jeuxvideo.com\",cType: 'managed',"
        + "cRay: '" + rayId + "',cH: 'x'};}());</script><div class=\"footer\" role=\"contentinfo\">"
        + "Ray ID: <code>" + rayId + "</code> Performance &amp; security by Cloudflare</div></body></html>";
  }
}
