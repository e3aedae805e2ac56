package io.jvcstreaming.analytics.jobs;

import io.jvcstreaming.analytics.report.Labels;
import io.jvcstreaming.model.Post;
import org.apache.spark.streaming.api.java.JavaDStream;
import org.apache.spark.streaming.api.java.JavaPairDStream;

/** {@code --job stickers}: running count per sticker URL (every host: NoelShack and official stickers); the table shows the sticker's identifier and its URL. */
final class StickersJob extends CountingJob {

  private static final long serialVersionUID = 1L;

  @Override
  public String name() {
    return "stickers";
  }

  @Override
  JavaPairDStream<String, Long> pairs(JavaDStream<Post> posts, JobContext context) {
    return posts.flatMapToPair(new Keys.Stickers());
  }

  @Override
  Labels labels() {
    return Labels.STICKER;
  }

  @Override
  boolean trending() {
    return true;
  }
}
