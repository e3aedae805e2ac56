/**
 * Source, the first stage: the forum over HTTP. The list refresh queues the topics whose row changed, the fetchers
 * crawl each topic and hand the new posts to the log. The decisions are pure classes with table tests
 * ({@code TopicCrawl}, {@code ResponseClassifier}, {@code RetryDecision}, {@code RateLimiter}, {@code AnswerCache});
 * the verticles and {@code ForumHttpClient} only do the I/O around them.
 */
package io.jvcstreaming.scraper.source;
