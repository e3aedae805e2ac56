package io.jvcstreaming.analytics.jobs;

import io.jvcstreaming.analytics.config.JobConfig;
import org.apache.spark.streaming.Duration;
import org.apache.spark.streaming.Durations;

/**
 * What a job reads while it builds its part of the graph, on the driver. Not Serializable on purpose: no
 * function of the graph may capture it (what a function holds is frozen in the checkpoint); settings that may
 * change between runs are read at each batch from {@link io.jvcstreaming.analytics.report.RunSettings}.
 */
public record JobContext(JobConfig config) {

  public Duration batch() {
    return Durations.milliseconds(config.batchMillis());
  }

  public Duration window() {
    return Durations.milliseconds(config.windowMillis());
  }

  public Duration stateIdleTimeout() {
    return Durations.milliseconds(config.stateIdleTimeoutMillis());
  }
}
