/**
 * Parse, the second stage: pure functions from a page text to a list page or a topic page. A topic page is read by
 * two strategies, the markup ({@code MarkupReader} and its two scanners, where a forum markup change lands) and
 * the embedded payload ({@code PayloadReader}), and {@link io.jvcstreaming.scraper.parse.TopicPageParser} picks
 * between them. No I/O, no Vert.x: called off the event loop by the source stage.
 */
package io.jvcstreaming.scraper.parse;
