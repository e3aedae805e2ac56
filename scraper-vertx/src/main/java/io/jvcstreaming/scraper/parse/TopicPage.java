package io.jvcstreaming.scraper.parse;

import io.jvcstreaming.model.Post;
import java.util.List;

/**
 * A parsed topic page (spec §3).
 *
 * @param topicId         the topic id
 * @param title           the topic title, entities decoded
 * @param currentPage     the page number of this page (1-based)
 * @param lastPage        the topic's page count as seen from this page (>= currentPage)
 * @param posts           complete posts, {@code seq = Post.UNSEQUENCED}, ascending id, no duplicate id
 * @param skippedMessages messages without id, author, date or body (never turned into half-filled posts)
 * @param locked          the topic is locked
 * @param source          where the posts were read from
 */
public record TopicPage(long topicId, String title, int currentPage, int lastPage, List<Post> posts,
                        int skippedMessages, boolean locked, Source source) {

  /** Where the posts of a page were read from. */
  public enum Source { HTML, PAYLOAD }

  public TopicPage {
    posts = List.copyOf(posts);
  }
}
