package io.jvcstreaming.simulator.model;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * New activity after start: replies (which bump topics), new topics, and, in live mode, moderation deleting a
 * message or a whole topic now and then. Each batch runs under one write lock.
 */
public final class LivePublisher {

  private static final int NEW_TOPIC_PERCENT = 4;
  private static final int DELETE_MESSAGE_ONE_IN = 120;
  private static final int DELETE_TOPIC_ONE_IN = 1500;
  private static final int MODERATED_TOP = 30;

  private final World world;
  private final ForumActivity activity;
  private final SimClock clock;
  private final int maxPostsPerTopic;
  private final SplittableRandom r;

  public LivePublisher(World world, ForumActivity activity, SimClock clock, int maxPostsPerTopic, long seed) {
    this.world = world;
    this.activity = activity;
    this.clock = clock;
    this.maxPostsPerTopic = maxPostsPerTopic;
    this.r = new SplittableRandom(seed * 31 + 7);
  }

  /** Publishes {@code count} posts; with {@code moderation}, may also delete messages and topics. */
  public void publish(int count, boolean moderation) {
    world.write(() -> {
      long publishedAtMillis = System.currentTimeMillis();
      for (int i = 0; i < count; i++) {
        clock.onPublish();
        Instant now = clock.now();
        Instant at = now.isBefore(world.lastPostedAt()) ? world.lastPostedAt() : now;
        Topic target = r.nextInt(100) < NEW_TOPIC_PERCENT ? null : pickTopic();
        if (target == null) {
          activity.openTopic(r, at, false, null, publishedAtMillis, now);
        } else {
          activity.reply(r, target, at, publishedAtMillis, now);
        }
        if (moderation) {
          moderate();
        }
      }
      return null;
    });
  }

  /** Recently active topics are far more likely to get the next reply. */
  private Topic pickTopic() {
    List<Topic> open = new ArrayList<>();
    for (Topic t : world.listOrder()) {
      if (!t.pinned() && !t.locked() && t.messages().size() < maxPostsPerTopic) {
        open.add(t);
      }
    }
    if (open.isEmpty()) {
      return null;
    }
    return open.get((int) (open.size() * Math.pow(r.nextDouble(), 2.5)));
  }

  private void moderate() {
    List<Topic> order = world.listOrder();
    if (r.nextInt(DELETE_MESSAGE_ONE_IN) == 0) {
      Topic t = order.get(r.nextInt(Math.min(MODERATED_TOP, order.size())));
      if (!t.pinned() && t.messages().size() > 1) {
        world.deleteMessage(t.messages().get(1 + r.nextInt(t.messages().size() - 1)).id());
      }
    }
    if (r.nextInt(DELETE_TOPIC_ONE_IN) == 0 && order.size() > 10) {
      Topic t = order.get(r.nextInt(order.size()));
      if (!t.pinned()) {
        world.deleteTopic(t.id());
      }
    }
  }
}
