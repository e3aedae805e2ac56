package io.jvcstreaming.analytics.jobs;

import io.jvcstreaming.analytics.report.Labels;
import io.jvcstreaming.model.Post;
import org.apache.spark.streaming.api.java.JavaDStream;
import org.apache.spark.streaming.api.java.JavaPairDStream;

/**
 * {@code --job words}: running word count over the posts' own text, words of at least {@code --min-word-length}
 * letters (6 by default), see {@link Tokenizer}.
 */
final class WordsJob extends CountingJob {

  private static final long serialVersionUID = 1L;

  @Override
  public String name() {
    return "words";
  }

  @Override
  JavaPairDStream<String, Long> pairs(JavaDStream<Post> posts, JobContext context) {
    Tokenizer tokenizer = new Tokenizer(context.config().minWordLength(), context.config().stopWords());
    return posts.flatMapToPair(new Keys.Words(tokenizer));
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
