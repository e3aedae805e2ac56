package io.jvcstreaming.simulator.model;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Builds the forum as it stands when the simulator starts: topics of very different lengths and ages whose
 * posts are replayed in time order, so message ids, topic ids and the list order all follow time as on the
 * real forum.
 */
public final class HistoryGenerator {

  private record PlannedPost(long epochSecond, int topicIndex, int ordinal) {
  }

  private record TopicPlan(boolean pinned, String lockReason) {
  }

  private HistoryGenerator() {
  }

  public static void generate(World world, ForumActivity activity, ContentGenerator content, long seed, int topics,
                              int maxPostsPerTopic, Instant anchor, long publishedAtMillis) {
    SplittableRandom r = new SplittableRandom(seed);
    long end = anchor.getEpochSecond() - 30;
    List<TopicPlan> plans = new ArrayList<>(topics);
    List<PlannedPost> posts = new ArrayList<>();
    for (int i = 0; i < topics; i++) {
      boolean pinned = i < 2 && topics > 4;
      String lockReason = (i == 1 && pinned) || (!pinned && r.nextInt(60) == 0) ? content.lockReason(r) : null;
      plans.add(new TopicPlan(pinned, lockReason));
      int length = Math.min(maxPostsPerTopic, plannedLength(r, maxPostsPerTopic));
      long created = pinned
          ? end - 86_400L * (100 + r.nextInt(50))
          : end - Math.min(86_400L * 120, (long) exponential(r, 86_400 * 1.5));
      double meanGap = switch (r.nextInt(4)) {
        case 0 -> 15;
        case 1 -> 90;
        case 2 -> 600;
        default -> 3_600;
      };
      long t = created;
      for (int k = 0; k < length && t <= end; k++) {
        posts.add(new PlannedPost(t, i, k));
        t += 1 + (long) exponential(r, meanGap);
      }
    }
    posts.sort(Comparator.comparingLong(PlannedPost::epochSecond).thenComparingInt(PlannedPost::topicIndex)
        .thenComparingInt(PlannedPost::ordinal));
    Topic[] opened = new Topic[topics];
    world.write(() -> {
      for (PlannedPost p : posts) {
        Instant at = Instant.ofEpochSecond(p.epochSecond());
        if (p.ordinal() == 0) {
          TopicPlan plan = plans.get(p.topicIndex());
          opened[p.topicIndex()] = activity.openTopic(r, at, plan.pinned(), plan.lockReason(), publishedAtMillis, anchor);
        } else {
          activity.reply(r, opened[p.topicIndex()], at, publishedAtMillis, anchor);
        }
      }
      return null;
    });
  }

  /** Mostly short topics, a good share of multi-page ones, a few near the cap. */
  private static int plannedLength(SplittableRandom r, int max) {
    int roll = r.nextInt(100);
    if (roll < 45) {
      return 1 + r.nextInt(8);
    }
    if (roll < 80) {
      return 8 + r.nextInt(33);
    }
    if (roll < 95) {
      return 40 + r.nextInt(111);
    }
    return 150 + r.nextInt(Math.max(1, max - 149));
  }

  private static double exponential(SplittableRandom r, double mean) {
    return -mean * Math.log(1 - r.nextDouble());
  }
}
