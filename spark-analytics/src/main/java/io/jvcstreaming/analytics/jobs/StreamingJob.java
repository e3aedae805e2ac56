package io.jvcstreaming.analytics.jobs;

import io.jvcstreaming.analytics.report.ReportPlan;
import io.jvcstreaming.model.Post;
import java.io.Serializable;
import org.apache.spark.streaming.api.java.JavaDStream;

/** One running count: adds its transformations to the streaming graph and its reports (one per batch) to the plan. */
public interface StreamingJob extends Serializable {

  /** The name used in reports and in {@code --job}. */
  String name();

  /** Adds this job to the graph of {@code posts}' context and its reports to {@code plan}. Called once, before the context starts. */
  void register(JavaDStream<Post> posts, JobContext context, ReportPlan plan);
}
