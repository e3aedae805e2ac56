package io.jvcstreaming.simulator.model;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

/**
 * The whole forum state. Every mutation runs under the write lock and every page render under the read lock,
 * so a page is always rendered from one consistent snapshot (no message counted twice or on a stale page).
 */
public final class World {

  private static final long FIRST_TOPIC_ID = 77_012_345L;
  private static final long FIRST_MESSAGE_ID = 1_320_004_211L;
  /** Live ids after {@link #liveIdsAfterClock}: counted from here, so they are above every history id. */
  private static final long CLOCK_EPOCH_MILLIS = 1_780_000_000_000L; // 2026-05-28
  /** More than live posts can take in a millisecond (gaps up to 40 at the CLI's top rate of 100 000 posts/s). */
  static final long MESSAGE_IDS_PER_MILLI = 4_100L;
  private static final long TOPIC_IDS_PER_MILLI = 1_300L;

  private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
  private final SplittableRandom idGaps;
  private final Map<Long, Topic> topicsById = new HashMap<>();
  private final Map<Long, Message> messagesById = new HashMap<>();
  /** Visible topics in list order: pinned first (in pin order), then newest activity first. */
  private final List<Topic> order = new ArrayList<>();
  /** Every message ever published, in publication order (index = seq). */
  private final List<Message> published = new ArrayList<>();
  private long nextTopicId = FIRST_TOPIC_ID;
  private long nextMessageId = FIRST_MESSAGE_ID;
  private int pinnedCount;
  private long version;
  private long deletedCount;
  private Instant lastPostedAt = Instant.EPOCH;

  public World(long seed) {
    this.idGaps = new SplittableRandom(seed ^ 0x5EED1D5L);
  }

  public <T> T read(Supplier<T> reader) {
    lock.readLock().lock();
    try {
      return reader.get();
    } finally {
      lock.readLock().unlock();
    }
  }

  public <T> T write(Supplier<T> writer) {
    lock.writeLock().lock();
    try {
      return writer.get();
    } finally {
      lock.writeLock().unlock();
    }
  }

  // ---- mutations: callers hold the write lock (see write) ----

  /**
   * Moves the next live ids above everything an earlier run of this simulator can have published: the same seed
   * regenerates the same history (same ids), but the live posts of a restarted simulator must be new posts with
   * higher ids, as on the real forum. Ids then follow the clock: live posts at the top rate use fewer than
   * {@link #MESSAGE_IDS_PER_MILLI} per millisecond, so the ids of a run started later are above those of any run
   * before it (a burst from {@code /_control} may borrow a few milliseconds ahead).
   */
  public void liveIdsAfterClock(long wallMillis) {
    requireWriter();
    long millis = Math.max(0, wallMillis - CLOCK_EPOCH_MILLIS);
    nextMessageId = Math.max(nextMessageId, FIRST_MESSAGE_ID + 100_000_000L + millis * MESSAGE_IDS_PER_MILLI);
    nextTopicId = Math.max(nextTopicId, FIRST_TOPIC_ID + 10_000_000L + millis * TOPIC_IDS_PER_MILLI);
  }

  public Topic createTopic(String title, Instant createdAt, Author author, boolean pinned, String lockReason) {
    requireWriter();
    // Topic ids are global across forums: leave gaps for the other forums' topics.
    nextTopicId += 1 + idGaps.nextInt(12);
    Topic topic = new Topic(nextTopicId, title, createdAt, author, pinned, lockReason);
    topicsById.put(topic.id(), topic);
    return topic;
  }

  public Message publish(Topic topic, Author author, int level, Instant postedAt, GeneratedBody body,
                         Instant editedAt, String signatureHtml, long publishedAtMillis) {
    requireWriter();
    if (topic.deleted()) {
      throw new IllegalStateException("topic " + topic.id() + " is deleted");
    }
    nextMessageId += 1 + idGaps.nextInt(40);
    Message message = new Message(nextMessageId, published.size(), topic, author, level, postedAt, body, editedAt,
        signatureHtml, publishedAtMillis);
    boolean first = topic.messages().isEmpty();
    topic.append(message);
    messagesById.put(message.id(), message);
    published.add(message);
    if (postedAt.isAfter(lastPostedAt)) {
      lastPostedAt = postedAt;
    }
    if (first && topic.pinned()) {
      order.add(pinnedCount++, topic);
    } else if (!topic.pinned()) {
      if (!first) {
        order.remove(topic);
      }
      order.add(pinnedCount, topic); // a reply bumps the topic to the top of the list
    }
    version++;
    return message;
  }

  /** Moderation: removes a message; deleting a topic's first message deletes the topic (as the forum does). */
  public boolean deleteMessage(long messageId) {
    requireWriter();
    Message message = messagesById.get(messageId);
    if (message == null || message.deleted()) {
      return false;
    }
    Topic topic = message.topic();
    if (topic.messages().get(0) == message) {
      return deleteTopic(topic.id());
    }
    message.markDeleted();
    deletedCount++;
    topic.remove(message);
    if (!topic.pinned()) {
      // The topic may have lost its newest message: its list position goes back with its last activity.
      List<Topic> unpinned = new ArrayList<>(order.subList(pinnedCount, order.size()));
      unpinned.sort(Comparator.comparingLong(Topic::lastSeq).reversed());
      order.subList(pinnedCount, order.size()).clear();
      order.addAll(unpinned);
    }
    version++;
    return true;
  }

  public boolean deleteTopic(long topicId) {
    requireWriter();
    Topic topic = topicsById.get(topicId);
    if (topic == null || topic.deleted()) {
      return false;
    }
    for (Message m : topic.messages()) {
      if (!m.deleted()) {
        deletedCount++;
      }
    }
    topic.markDeleted();
    if (order.remove(topic) && topic.pinned()) {
      pinnedCount--;
    }
    version++;
    return true;
  }

  /**
   * Moderation undone: a deleted topic comes back with the messages it had (those deleted one by one stay
   * deleted), at its list position by last activity (a pinned one at the end of the pinned block). The same id and
   * URLs answer again, so a reader that saw the 410 meets the topic again with posts it may have streamed already.
   */
  public boolean restoreTopic(long topicId) {
    requireWriter();
    Topic topic = topicsById.get(topicId);
    if (topic == null || !topic.deleted()) {
      return false;
    }
    topic.markRestored();
    deletedCount -= topic.messages().size();
    if (topic.pinned()) {
      order.add(pinnedCount++, topic);
    } else {
      int at = pinnedCount;
      while (at < order.size() && order.get(at).lastSeq() > topic.lastSeq()) {
        at++;
      }
      order.add(at, topic);
    }
    version++;
    return true;
  }

  // ---- reads: callers hold the read (or write) lock ----

  public Topic topic(long id) {
    return topicsById.get(id);
  }

  public Message message(long id) {
    return messagesById.get(id);
  }

  /** Visible topics in list order. */
  public List<Topic> listOrder() {
    return order;
  }

  public List<Message> published() {
    return published;
  }

  public int visibleTopicCount() {
    return order.size();
  }

  public long deletedCount() {
    return deletedCount;
  }

  public long deletedTopicCount() {
    return topicsById.size() - order.size();
  }

  /** Changes with every mutation: keys the list-page cache. */
  public long version() {
    return version;
  }

  public Instant lastPostedAt() {
    return lastPostedAt;
  }

  private void requireWriter() {
    if (!lock.isWriteLockedByCurrentThread()) {
      throw new IllegalStateException("world mutations must run inside World.write");
    }
  }
}
