package io.jvcstreaming.simulator.model;

import java.time.Instant;

/**
 * One published message. Immutable except the moderation flag, which only the {@link World}'s writer flips
 * (under its write lock).
 */
public final class Message {

  private final long id;
  private final long seq;
  private final Topic topic;
  private final Author author;
  private final int level;
  private final Instant postedAt;
  private final GeneratedBody body;
  private final Instant editedAt;
  private final String signatureHtml;
  private final long publishedAtMillis;
  private volatile boolean deleted;

  Message(long id, long seq, Topic topic, Author author, int level, Instant postedAt, GeneratedBody body,
          Instant editedAt, String signatureHtml, long publishedAtMillis) {
    this.id = id;
    this.seq = seq;
    this.topic = topic;
    this.author = author;
    this.level = level;
    this.postedAt = postedAt;
    this.body = body;
    this.editedAt = editedAt;
    this.signatureHtml = signatureHtml;
    this.publishedAtMillis = publishedAtMillis;
  }

  public long id() {
    return id;
  }

  /** Publication index: position in the truth stream. */
  public long seq() {
    return seq;
  }

  public Topic topic() {
    return topic;
  }

  public Author author() {
    return author;
  }

  public int level() {
    return level;
  }

  public Instant postedAt() {
    return postedAt;
  }

  public GeneratedBody body() {
    return body;
  }

  /** Null when never edited. The editor is always the author. */
  public Instant editedAt() {
    return editedAt;
  }

  /** Null when the author has no signature. */
  public String signatureHtml() {
    return signatureHtml;
  }

  public long publishedAtMillis() {
    return publishedAtMillis;
  }

  /** Deleted by moderation, or its topic was. */
  public boolean deleted() {
    return deleted || topic.deleted();
  }

  void markDeleted() {
    deleted = true;
  }
}
