package io.jvcstreaming.simulator.model;

import io.jvcstreaming.simulator.markup.ForumUrls;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A topic and its visible messages in id order. Mutated only by the {@link World} under its write lock;
 * renderers read it under the read lock. {@link #version()} changes with every mutation, which keys the
 * rendered-page cache.
 */
public final class Topic {

  private final long id;
  private final String title;
  private final String slug;
  private final Instant createdAt;
  private final Author author;
  private final boolean pinned;
  private final String lockReason;
  private final List<Message> visible = new ArrayList<>();
  private final Map<Integer, Object> pageCache = new ConcurrentHashMap<>();
  private volatile boolean deleted;
  private long version;
  private long lastSeq = -1;

  Topic(long id, String title, Instant createdAt, Author author, boolean pinned, String lockReason) {
    this.id = id;
    this.title = title;
    this.slug = ForumUrls.slug(title);
    this.createdAt = createdAt;
    this.author = author;
    this.pinned = pinned;
    this.lockReason = lockReason;
  }

  public long id() {
    return id;
  }

  public String title() {
    return title;
  }

  public String slug() {
    return slug;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Author author() {
    return author;
  }

  public boolean pinned() {
    return pinned;
  }

  public boolean locked() {
    return lockReason != null;
  }

  /** Null unless locked. */
  public String lockReason() {
    return lockReason;
  }

  public boolean deleted() {
    return deleted;
  }

  public long version() {
    return version;
  }

  /** Visible messages, ascending id. Read under the world's read lock. */
  public List<Message> messages() {
    return Collections.unmodifiableList(visible);
  }

  public int pageCount() {
    return ForumUrls.pageCount(visible.size(), ForumUrls.MESSAGES_PER_PAGE);
  }

  public Message lastMessage() {
    return visible.get(visible.size() - 1);
  }

  /** Sort key of the list: the publication index of the newest visible message. */
  long lastSeq() {
    return lastSeq;
  }

  /** Cache slot for renderers; cleared by nobody, entries carry the version they were rendered at. */
  public Map<Integer, Object> pageCache() {
    return pageCache;
  }

  public String pageUrl(int page) {
    return ForumUrls.topicPage(id, page, slug);
  }

  void append(Message message) {
    visible.add(message);
    lastSeq = message.seq();
    version++;
  }

  boolean remove(Message message) {
    boolean removed = visible.remove(message);
    if (removed) {
      lastSeq = visible.isEmpty() ? -1 : lastMessage().seq();
      version++;
    }
    return removed;
  }

  void markDeleted() {
    deleted = true;
    version++;
  }

  void markRestored() {
    deleted = false;
    version++;
  }
}
