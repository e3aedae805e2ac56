/**
 * The end of receive → aggregate → report: the jobs' counts become one output operation per batch
 * ({@link io.jvcstreaming.analytics.report.ReportPlan}, {@link io.jvcstreaming.analytics.report.BatchReports}),
 * cut to each report's top N and labelled ({@link io.jvcstreaming.analytics.report.ReportTop},
 * {@link io.jvcstreaming.analytics.report.Labels}), then printed as the table people read in {@code kubectl logs}
 * or the JSON line for tools, and optionally published over HTTP ({@link io.jvcstreaming.analytics.report.Emitter});
 * {@link io.jvcstreaming.analytics.report.RunSettings} holds what a restart may change (top, emit mode, URL, pseudos).
 */
package io.jvcstreaming.analytics.report;
