package io.jvcstreaming.scraper.source;

/**
 * A topic to fetch, as the list page last described it.
 *
 * @param topicId  the forum's topic id
 * @param url      absolute URL of the topic's page 1
 * @param lastPage the page count the list row announced (decoded JvCare link), at least 1
 * @param title    the list row's title, for logs
 */
record TopicWork(long topicId, String url, int lastPage, String title) {
}
