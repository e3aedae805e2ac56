package io.jvcstreaming.model;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One forum message, as streamed by the scraper and counted by the Spark jobs.
 *
 * <p>Immutable and {@link Serializable} with Java serialization (Spark 3.5 bundles Kryo 4, which has no
 * record support). {@code seq} is the stream position assigned by the scraper; a post built by the parser,
 * before it is logged, carries {@link #UNSEQUENCED}.
 *
 * @param seq      stream sequence number, strictly increasing and continuous across scraper restarts
 * @param id       the forum's own message id (global, increasing)
 * @param topicId  the forum's topic id
 * @param topic    topic title, entities decoded
 * @param author   author pseudo ("Pseudo supprimé" for a deleted account)
 * @param postedAt publication instant (the forum prints Europe/Paris local time)
 * @param text     the author's own words: quotes, spoiler labels, edit notices and signatures excluded; may be empty
 * @param stickers full-size NoelShack URLs and official sticker URLs, in document order, none from a quote
 * @param url      URL of the topic page the post was read from
 */
public record Post(long seq, long id, long topicId, String topic, String author, Instant postedAt,
                   String text, List<String> stickers, String url) implements Serializable {

  private static final long serialVersionUID = 1L;

  /** The seq of a post that has not been written to the stream log yet. */
  public static final long UNSEQUENCED = -1L;

  public Post {
    if (seq < UNSEQUENCED) {
      throw new IllegalArgumentException("seq must be >= 0 (or -1 when unsequenced), got " + seq);
    }
    if (id <= 0) {
      throw new IllegalArgumentException("id must be positive, got " + id);
    }
    if (topicId <= 0) {
      throw new IllegalArgumentException("topicId must be positive, got " + topicId);
    }
    Objects.requireNonNull(author, "author");
    if (author.isBlank()) {
      throw new IllegalArgumentException("author must not be blank (message " + id + ")");
    }
    Objects.requireNonNull(postedAt, "postedAt");
    topic = topic == null ? "" : topic;
    text = text == null ? "" : text;
    url = url == null ? "" : url;
    stickers = stickers == null ? List.of() : List.copyOf(stickers);
  }

  /** This post with its stream position. */
  public Post withSeq(long newSeq) {
    if (newSeq < 0) {
      throw new IllegalArgumentException("seq must be >= 0, got " + newSeq);
    }
    return new Post(newSeq, id, topicId, topic, author, postedAt, text, stickers, url);
  }
}
