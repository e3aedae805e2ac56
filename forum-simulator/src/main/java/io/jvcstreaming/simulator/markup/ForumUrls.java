package io.jvcstreaming.simulator.markup;

import java.text.Normalizer;
import java.util.Locale;

/** URL scheme of spec §1. All URLs in pages are relative so pages do not depend on the simulator's port. */
public final class ForumUrls {

  public static final int FORUM_ID = 51;
  public static final String FORUM_SLUG = "blabla-18-25-ans";
  public static final String FORUM_NAME = "Blabla 18-25 ans";
  public static final int TOPICS_PER_PAGE = 25;
  public static final int MESSAGES_PER_PAGE = 20;

  private ForumUrls() {
  }

  public static String listPage(int page) {
    return "/forums/0-" + FORUM_ID + "-0-1-0-" + ((page - 1) * TOPICS_PER_PAGE + 1) + "-0-" + FORUM_SLUG + ".htm";
  }

  public static String topicPage(long topicId, int page, String slug) {
    return "/forums/42-" + FORUM_ID + "-" + topicId + "-" + page + "-0-1-0-" + slug + ".htm";
  }

  public static String permalink(long messageId) {
    return "/forums/message/" + messageId;
  }

  public static String profile(String pseudo) {
    return "/profil/" + pseudo.toLowerCase(Locale.ROOT) + "?mode=infos";
  }

  public static int pageCount(int items, int perPage) {
    return Math.max(1, (items + perPage - 1) / perPage);
  }

  /** The forum's slug: accents stripped, lower case, every other run of characters a single dash. */
  public static String slug(String title) {
    String ascii = Normalizer.normalize(title, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
    String slug = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
    return slug.isEmpty() ? "sujet" : slug;
  }
}
