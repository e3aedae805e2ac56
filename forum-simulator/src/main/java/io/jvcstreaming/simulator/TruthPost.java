package io.jvcstreaming.simulator;

import io.jvcstreaming.model.Post;

/**
 * One published post as a correct scraper should report it.
 *
 * @param post              seq = publication index, url = the topic's page-1 URL on this simulator
 * @param publishedAtMillis wall-clock epoch millis when it went live in the simulator (start time for the history)
 * @param deleted           later removed by moderation, or its topic was
 */
public record TruthPost(Post post, long publishedAtMillis, boolean deleted) {
}
