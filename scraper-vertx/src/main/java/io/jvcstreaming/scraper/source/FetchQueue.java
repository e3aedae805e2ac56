package io.jvcstreaming.scraper.source;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The topics waiting to be fetched: bounded, first-come first-served, and never holding a topic twice.
 * A topic offered while it is being fetched is remembered and queued again when that fetch ends, so a
 * change seen mid-fetch is never lost and a topic is never fetched by two fetchers at once.
 *
 * <p>Thread-safe: the refresh verticle offers, the fetch verticle polls.
 */
public final class FetchQueue {

  private final int capacity;
  private final LinkedHashMap<Long, TopicWork> pending = new LinkedHashMap<>();
  private final Set<Long> inFlight = new HashSet<>();
  private final Map<Long, TopicWork> changedWhileInFlight = new HashMap<>();
  /** Retries that found the queue full: queued, first come first served, as soon as a place frees up. */
  private final LinkedHashMap<Long, TopicWork> parked = new LinkedHashMap<>();
  private volatile Runnable listener = () -> { };

  public FetchQueue(int capacity) {
    this.capacity = capacity;
  }

  public void onOffer(Runnable listener) {
    this.listener = listener;
  }

  /** @return false only when the queue is full and the topic was not already known to it */
  public boolean offer(TopicWork work) {
    synchronized (this) {
      long id = work.topicId();
      if (inFlight.contains(id)) {
        changedWhileInFlight.put(id, work);
      } else if (pending.containsKey(id)) {
        pending.put(id, work); // keeps its place in line, with the newest description
      } else if (pending.size() >= capacity) {
        return false;
      } else {
        pending.put(id, work);
      }
    }
    listener.run();
    return true;
  }

  /**
   * A failed topic comes back: queued like {@link #offer}, or, when the queue is full, parked and queued as soon
   * as a place frees up, so that a retry is never dropped. Parked topics are distinct topic ids (a topic parked
   * twice is held once, with its newest description), so they are bounded by the topics the lists show.
   *
   * @return true if queued now, false if parked
   */
  public boolean offerRetry(TopicWork work) {
    if (offer(work)) {
      return true;
    }
    synchronized (this) {
      parked.remove(work.topicId());
      parked.put(work.topicId(), work);
    }
    return false;
  }

  /** The next topic to fetch, now marked in flight; null if none waits. */
  public synchronized TopicWork poll() {
    unpark();
    Iterator<Map.Entry<Long, TopicWork>> it = pending.entrySet().iterator();
    if (!it.hasNext()) {
      return null;
    }
    TopicWork work = it.next().getValue();
    it.remove();
    inFlight.add(work.topicId());
    unpark();
    return work;
  }

  /** Moves parked retries into the queue while it has room. */
  private void unpark() {
    Iterator<Map.Entry<Long, TopicWork>> it = parked.entrySet().iterator();
    while (it.hasNext() && pending.size() < capacity) {
      TopicWork work = it.next().getValue();
      it.remove();
      long id = work.topicId();
      if (inFlight.contains(id)) {
        changedWhileInFlight.putIfAbsent(id, work);
      } else {
        pending.putIfAbsent(id, work); // a newer offer of the same topic keeps its place and description
      }
    }
  }

  /** Retries waiting for room in the queue. */
  public synchronized int parked() {
    return parked.size();
  }

  /** The fetch of {@code topicId} ended; a change seen meanwhile puts it back in line. */
  public void done(long topicId) {
    boolean requeued = false;
    synchronized (this) {
      inFlight.remove(topicId);
      TopicWork again = changedWhileInFlight.remove(topicId);
      if (again != null) {
        pending.put(topicId, again);
        requeued = true;
      }
    }
    if (requeued) {
      listener.run();
    }
  }

  public synchronized int size() {
    return pending.size();
  }

  public synchronized int inFlight() {
    return inFlight.size();
  }
}
