/**
 * The scraper's settings, in one typed place: {@link io.jvcstreaming.scraper.config.Setting} lists every flag and
 * environment variable with its default, {@link io.jvcstreaming.scraper.config.ConfigLoader} turns them into the
 * immutable {@link io.jvcstreaming.scraper.config.ScraperConfig} the stages are built from. Nothing else in the
 * scraper reads the environment.
 */
package io.jvcstreaming.scraper.config;
