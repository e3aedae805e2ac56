/** Spark Streaming jobs over the scraper's NDJSON stream; {@link io.jvcstreaming.analytics.AnalyticsMain} is the entry point. */
package io.jvcstreaming.analytics;
