package io.jvcstreaming.analytics.jobs;

import io.jvcstreaming.analytics.report.Labels;
import io.jvcstreaming.model.Post;
import org.apache.spark.streaming.api.java.JavaDStream;
import org.apache.spark.streaming.api.java.JavaPairDStream;

/** {@code --job authors}: running count of posts per author. */
final class AuthorsJob extends CountingJob {

  private static final long serialVersionUID = 1L;

  @Override
  public String name() {
    return "authors";
  }

  @Override
  JavaPairDStream<String, Long> pairs(JavaDStream<Post> posts, JobContext context) {
    return posts.mapToPair(new Keys.Author());
  }

  @Override
  Labels labels() {
    return Labels.PLAIN;
  }

  @Override
  boolean trending() {
    return true;
  }
}
