/**
 * The scraper as one process: {@link io.jvcstreaming.scraper.Scraper} wires the pipeline source → parse → log →
 * stream and the ops port together, {@link io.jvcstreaming.scraper.ScraperMain} is the command line (and the
 * shutdown path that logs the crawl stats), {@code LeaderSupport} the optional leader election around it.
 */
package io.jvcstreaming.scraper;
