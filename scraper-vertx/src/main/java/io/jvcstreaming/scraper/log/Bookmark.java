package io.jvcstreaming.scraper.log;

/**
 * How far a topic has been streamed: the highest message id written to the log and the last page seen.
 * Kept per topic id, never per title (titles collide).
 */
public record Bookmark(long topicId, long lastMessageId, int lastPage) {

  /** A topic never streamed. */
  public static Bookmark none(long topicId) {
    return new Bookmark(topicId, 0, 0);
  }

  public boolean isNew() {
    return lastMessageId == 0;
  }
}
