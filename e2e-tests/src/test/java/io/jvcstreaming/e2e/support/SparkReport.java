package io.jvcstreaming.e2e.support;

import java.util.Map;

/**
 * One {@code --emit json} line of the Spark job: job name, batch time, posts in the batch, total posts so far, and
 * the whole top list as key → count; {@code printedAtMillis} is when the test read the line.
 */
public record SparkReport(String job, long batchTime, long posts, long totalPosts, Map<String, Long> counts,
                          long printedAtMillis, int driver) {

  public long sum() {
    return counts.values().stream().mapToLong(Long::longValue).sum();
  }
}
