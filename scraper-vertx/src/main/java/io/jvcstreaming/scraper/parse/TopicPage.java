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
 * @param truncatedPosts  ids of the posts whose text was cut to fit the stream's line cap ({@link PostLineCap})
 * @param payloadProblem  why the page's embedded payload was not used although present (e.g. "payload too
 *                        large"), null when it was used or there is none
 */
public record TopicPage(long topicId, String title, int currentPage, int lastPage, List<Post> posts,
                        int skippedMessages, boolean locked, Source source, List<Long> truncatedPosts,
                        String payloadProblem) {

  /** Where the posts of a page were read from. */
  public enum Source { HTML, PAYLOAD }

  public TopicPage {
    posts = List.copyOf(posts);
    truncatedPosts = List.copyOf(truncatedPosts);
  }

  public TopicPage(long topicId, String title, int currentPage, int lastPage, List<Post> posts,
                   int skippedMessages, boolean locked, Source source) {
    this(topicId, title, currentPage, lastPage, posts, skippedMessages, locked, source, List.of(), null);
  }

  TopicPage withPayloadProblem(String problem) {
    return new TopicPage(topicId, title, currentPage, lastPage, posts, skippedMessages, locked, source,
        truncatedPosts, problem);
  }
}
