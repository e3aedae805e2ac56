/**
 * The counters every stage updates, rendered for Prometheus by the ops port and summed up in one line on exit
 * ({@link io.jvcstreaming.scraper.metrics.CrawlStats}). Beside the pipeline: every stage writes, only ops reads.
 */
package io.jvcstreaming.scraper.metrics;
