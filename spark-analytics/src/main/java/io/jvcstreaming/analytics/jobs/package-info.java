/** One {@code <Metric>Job} per running count, each a {@link io.jvcstreaming.analytics.jobs.StreamingJob}; {@link io.jvcstreaming.analytics.jobs.AllJobs} runs them all. */
package io.jvcstreaming.analytics.jobs;
