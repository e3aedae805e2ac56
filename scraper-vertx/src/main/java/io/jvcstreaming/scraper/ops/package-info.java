/**
 * The operations port, beside the pipeline: {@code /health}, {@code /ready} (what the pipeline says of itself) and
 * {@code /metrics}. Not the forum client, which lives in {@code source}.
 */
package io.jvcstreaming.scraper.ops;
