package io.jvcstreaming.dashboard;

import io.jvcstreaming.model.Post;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * What a browser receives for one post: an excerpt of the text, only the stickers it may show as images,
 * and a link that can only lead to the forum. Escaping is the page's job (it never builds HTML from data);
 * this keeps the payload small and the URLs safe before they leave the server.
 */
final class PostView {

  static final int EXCERPT_CHARS = 280;
  static final int MAX_STICKERS = 12;

  private PostView() {
  }

  public static JsonObject of(Post post, UrlPolicy urls) {
    JsonArray stickers = new JsonArray();
    for (String s : post.stickers()) {
      if (stickers.size() < MAX_STICKERS && UrlPolicy.isAllowedImage(s)) {
        stickers.add(s);
      }
    }
    String link = urls.forumLinkOrNull(post.url());
    return new JsonObject()
        .put("seq", post.seq())
        .put("id", post.id())
        .put("topicId", post.topicId())
        .put("topic", post.topic())
        .put("author", post.author())
        .put("postedAt", post.postedAt().toString())
        .put("text", excerpt(post.text()))
        .put("stickers", stickers)
        .put("url", link != null ? link : urls.topicLink(post.topicId()));
  }

  static String excerpt(String text) {
    if (text.codePointCount(0, text.length()) <= EXCERPT_CHARS) {
      return text;
    }
    return text.substring(0, text.offsetByCodePoints(0, EXCERPT_CHARS)) + "…";
  }
}
