package io.jvcstreaming.scraper.parse;

import java.time.Instant;

/**
 * One row of a topic list page (spec §2).
 *
 * @param topicId    the topic id, from the row's {@code id="topic-{id}"} (legacy: {@code data-id})
 * @param title      the topic title, entities decoded, whitespace collapsed
 * @param url        absolute URL of the topic's page 1, resolved against the list page URL
 * @param replyCount replies (messages - 1)
 * @param lastPostAt date of the last message (from the {@code title} of the last-activity cell); null if unknown
 * @param lastPage   page count of the topic: from the decoded JvCare last-page link, else
 *                   {@code ceil((replyCount + 1) / 20)}
 * @param pinned     pinned topic (pinned and pinned+locked icons)
 * @param author     pseudo of the topic's author; null if absent
 */
public record TopicRow(long topicId, String title, String url, int replyCount, Instant lastPostAt, int lastPage,
                       boolean pinned, String author) {
}
