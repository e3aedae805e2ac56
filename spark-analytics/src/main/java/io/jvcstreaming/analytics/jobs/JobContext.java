package io.jvcstreaming.analytics.jobs;

import io.jvcstreaming.analytics.config.JobConfig;
import io.jvcstreaming.analytics.report.Emitter;
import java.io.Serializable;
import org.apache.spark.streaming.Duration;
import org.apache.spark.streaming.Durations;

/** What every job needs: the configuration and where its reports go. Serializable (part of the checkpointed graph). */
public record JobContext(JobConfig config, Emitter emitter) implements Serializable {

  private static final long serialVersionUID = 1L;

  public Duration batch() {
    return Durations.milliseconds(config.batchMillis());
  }

  public Duration window() {
    return Durations.milliseconds(config.windowMillis());
  }
}
