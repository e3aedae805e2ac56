package io.jvcstreaming.analytics.jobs;

import io.jvcstreaming.analytics.report.Labels;
import io.jvcstreaming.model.Post;
import org.apache.spark.streaming.api.java.JavaDStream;
import org.apache.spark.streaming.api.java.JavaPairDStream;

/** {@code --job topics}: busiest topics by posts received (counted by topic id, shown by title). */
final class TopicsJob extends CountingJob {

  private static final long serialVersionUID = 1L;

  @Override
  public String name() {
    return "topics";
  }

  @Override
  JavaPairDStream<String, Long> pairs(JavaDStream<Post> posts, JobContext context) {
    return posts.mapToPair(new Keys.Topic());
  }

  @Override
  Labels labels() {
    return Labels.TOPIC;
  }

  @Override
  boolean trending() {
    return false;
  }
}
