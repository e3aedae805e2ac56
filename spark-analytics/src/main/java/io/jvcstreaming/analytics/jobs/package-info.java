/**
 * The counts themselves, the middle of receive → aggregate → report: one {@code <Metric>Job} per running count,
 * each a {@link io.jvcstreaming.analytics.jobs.StreamingJob} that turns the received posts into keyed counts
 * (all-time with {@code mapWithState}, trending over a window) and hands them to the report plan;
 * {@link io.jvcstreaming.analytics.jobs.AllJobs} runs them all, {@link io.jvcstreaming.analytics.jobs.PostTotals}
 * counts the posts for every header. How the counts are printed lives in {@code report}.
 */
package io.jvcstreaming.analytics.jobs;
