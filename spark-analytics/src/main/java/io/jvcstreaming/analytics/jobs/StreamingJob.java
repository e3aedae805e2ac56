package io.jvcstreaming.analytics.jobs;

import io.jvcstreaming.model.Post;
import java.io.Serializable;
import org.apache.spark.streaming.api.java.JavaDStream;

/** One running count: adds its transformations and its output (one report per batch) to the streaming graph. */
public interface StreamingJob extends Serializable {

  /** The name used in reports and in {@code --job}. */
  String name();

  /** Adds this job to the graph of {@code posts}' context. Called once, before the context starts. */
  void register(JavaDStream<Post> posts, JobContext context);
}
