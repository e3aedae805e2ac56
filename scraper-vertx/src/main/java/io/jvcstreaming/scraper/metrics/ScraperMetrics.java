package io.jvcstreaming.scraper.metrics;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * The scraper's counters, gauges and one latency histogram, rendered in the Prometheus text format.
 *
 * <p>Hand-written rather than Micrometer: about fifteen series, no tags beyond one label, and no extra
 * dependency in the scraper image. Thread-safe (LongAdder); read by the HTTP side on another event loop.
 */
public final class ScraperMetrics {

  /** Upper bounds (seconds) of the fetch latency buckets. */
  private static final double[] LATENCY_BUCKETS = {0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 30};

  /** The kinds of {@code jvc_fetch_retries_total}, rendered from the start (at 0) so a stacked panel has each. */
  private static final String[] RETRY_KINDS = {
      "503", "429", "5xx", "challenge", "timeout", "connection", "cut-page", "parse-error", "fetch-failed", "other"};

  private final Map<String, LongAdder> pagesByOutcome = new ConcurrentHashMap<>();
  private final Map<String, LongAdder> parseErrorsByReason = new ConcurrentHashMap<>();
  private final Map<String, LongAdder> resumeAnswersByKind = new ConcurrentHashMap<>();
  private final Map<String, LongAdder> payloadsSkippedByReason = new ConcurrentHashMap<>();
  private final Map<Integer, LongAdder> responsesByStatus = new ConcurrentHashMap<>();
  private final LongAdder noAnswers = new LongAdder();
  private final LongAdder bytesReceived = new LongAdder();
  private final LongAdder postsTruncated = new LongAdder();
  private final LongAdder retriesParked = new LongAdder();
  private final LongAdder postsStreamed = new LongAdder();
  private final LongAdder postsParsed = new LongAdder();
  private final LongAdder messagesSkipped = new LongAdder();
  private final Map<String, LongAdder> retriesByKind = new ConcurrentHashMap<>();
  private final LongAdder challengeBackoffs = new LongAdder();
  private final LongAdder challengeBackoffMillis = new LongAdder();
  private final LongAdder redisErrors = new LongAdder();
  private final LongAdder duplicatesSkipped = new LongAdder();
  private final LongAdder streamLost = new LongAdder();
  private final LongAdder clientsDisconnectedSlow = new LongAdder();
  private final LongAdder clientsRejected = new LongAdder();
  private final LongAdder topicsGone = new LongAdder();
  private final LongAdder listRefreshes = new LongAdder();
  private final LongAdder[] latencyBuckets = new LongAdder[LATENCY_BUCKETS.length + 1];
  private final LongAdder latencyCount = new LongAdder();
  private final AtomicLong latencySumMicros = new AtomicLong();
  private final AtomicLong lastListFetchMillis = new AtomicLong();
  private volatile LongSupplier queueDepth = () -> 0;
  private volatile LongSupplier inFlight = () -> 0;
  private volatile LongSupplier clientsConnected = () -> 0;
  private volatile LongSupplier lastSeq = () -> -1;
  private volatile Supplier<Map<String, Long>> clientLags = Map::of;

  public ScraperMetrics() {
    for (int i = 0; i < latencyBuckets.length; i++) {
      latencyBuckets[i] = new LongAdder();
    }
    for (String kind : RETRY_KINDS) {
      retriesByKind.put(kind, new LongAdder());
    }
  }

  public void page(String outcome) {
    pagesByOutcome.computeIfAbsent(outcome, k -> new LongAdder()).increment();
  }

  public long pages(String outcome) {
    LongAdder a = pagesByOutcome.get(outcome);
    return a == null ? 0 : a.sum();
  }

  /** One HTTP answer from the forum (every attempt, retries included) and the size of its body as read. */
  public void response(int status, long bodyBytes) {
    responsesByStatus.computeIfAbsent(status, k -> new LongAdder()).increment();
    bytesReceived.add(bodyBytes);
  }

  /** A request that got no answer: connection error, timeout, body over the cap. */
  public void noAnswer() {
    noAnswers.increment();
  }

  /** HTTP answers by status, ascending status. */
  public java.util.SortedMap<Integer, Long> responsesByStatus() {
    java.util.SortedMap<Integer, Long> out = new java.util.TreeMap<>();
    responsesByStatus.forEach((k, v) -> out.put(k, v.sum()));
    return out;
  }

  public long noAnswers() {
    return noAnswers.sum();
  }

  public long bytesReceived() {
    return bytesReceived.sum();
  }

  public void parseError(String reason) {
    parseErrorsByReason.computeIfAbsent(reason, k -> new LongAdder()).increment();
  }

  public long parseErrors() {
    return parseErrorsByReason.values().stream().mapToLong(LongAdder::sum).sum();
  }

  /** One answer to a client's RESUME, by its wire code ({@code ok}, {@code resume-too-old}, ...). */
  public void resumeAnswer(String kind) {
    resumeAnswersByKind.computeIfAbsent(kind, k -> new LongAdder()).increment();
  }

  public long resumeAnswers(String kind) {
    LongAdder a = resumeAnswersByKind.get(kind);
    return a == null ? 0 : a.sum();
  }

  /** A page's embedded payload that was not used (too large inflated, undecodable): the markup was read instead. */
  public void payloadSkipped(String reason) {
    payloadsSkippedByReason.computeIfAbsent(reason, k -> new LongAdder()).increment();
  }

  public long payloadsSkipped(String reason) {
    LongAdder a = payloadsSkippedByReason.get(reason);
    return a == null ? 0 : a.sum();
  }

  /** Posts whose line would exceed the stream's line cap, streamed with their text cut to fit. */
  public void postsTruncated(int n) {
    postsTruncated.add(n);
  }

  public long postsTruncated() {
    return postsTruncated.sum();
  }

  /** A failed topic's retry found the fetch queue full and was parked until there is room. */
  public void retryParked() {
    retriesParked.increment();
  }

  public long retriesParked() {
    return retriesParked.sum();
  }

  public void postsParsed(int n) {
    postsParsed.add(n);
  }

  public void postsStreamed(int n) {
    postsStreamed.add(n);
  }

  public long postsStreamed() {
    return postsStreamed.sum();
  }

  public void messagesSkipped(int n) {
    messagesSkipped.add(n);
  }

  /** Something tried again: an HTTP attempt or a whole topic, by kind (see {@code RetryKind}). */
  public void retry(String kind) {
    retriesByKind.computeIfAbsent(kind, k -> new LongAdder()).increment();
  }

  /** Retries of every kind. */
  public long retries() {
    return retriesByKind.values().stream().mapToLong(LongAdder::sum).sum();
  }

  public long retries(String kind) {
    LongAdder a = retriesByKind.get(kind);
    return a == null ? 0 : a.sum();
  }

  /** A challenge page made the whole host wait {@code millis} before its next request. */
  public void challengeBackoff(long millis) {
    challengeBackoffs.increment();
    challengeBackoffMillis.add(millis);
  }

  public long challengeBackoffs() {
    return challengeBackoffs.sum();
  }

  public long challengeBackoffMillis() {
    return challengeBackoffMillis.sum();
  }

  public void redisError() {
    redisErrors.increment();
  }

  public long redisErrors() {
    return redisErrors.sum();
  }

  /** Posts not appended because their id is already in the log (under this or another topic). */
  public void duplicatesSkipped(int n) {
    duplicatesSkipped.add(n);
  }

  public long duplicatesSkipped() {
    return duplicatesSkipped.sum();
  }

  /** The store lost the stream this process opened (Redis wiped while we run): the scraper exits. */
  public void streamLost() {
    streamLost.increment();
  }

  public long streamsLost() {
    return streamLost.sum();
  }

  public void slowClientDisconnected() {
    clientsDisconnectedSlow.increment();
  }

  public void clientRejected() {
    clientsRejected.increment();
  }

  public void topicGone() {
    topicsGone.increment();
  }

  public void listRefreshed(long atMillis) {
    listRefreshes.increment();
    lastListFetchMillis.set(atMillis);
  }

  public long lastListFetchMillis() {
    return lastListFetchMillis.get();
  }

  public void fetchLatency(long nanos) {
    double seconds = nanos / 1e9;
    int i = 0;
    while (i < LATENCY_BUCKETS.length && seconds > LATENCY_BUCKETS[i]) {
      i++;
    }
    latencyBuckets[i].increment();
    latencyCount.increment();
    latencySumMicros.addAndGet(nanos / 1000);
  }

  public void gauges(LongSupplier queueDepth, LongSupplier inFlight) {
    this.queueDepth = queueDepth;
    this.inFlight = inFlight;
  }

  public void clientsGauge(LongSupplier clients) {
    this.clientsConnected = clients;
  }

  public void lastSeqGauge(LongSupplier lastSeq) {
    this.lastSeq = lastSeq;
  }

  /** Each live stream client's lag (posts held but not yet sent to it), by client address; read at each scrape. */
  public void clientLagGauge(Supplier<Map<String, Long>> lags) {
    this.clientLags = lags;
  }

  /** The Prometheus text exposition (version 0.0.4). */
  public String render(boolean redisUp, boolean leader) {
    long[] buckets = new long[latencyBuckets.length];
    for (int i = 0; i < buckets.length; i++) {
      buckets[i] = latencyBuckets[i].sum();
    }
    return new PrometheusWriter()
        .labelled("jvc_pages_fetched_total", "Forum pages fetched, by outcome.", "counter", "outcome",
            sums(pagesByOutcome))
        .labelled("jvc_http_responses_total", "HTTP answers from the forum (every attempt), by status.", "counter",
            "status", responsesByStatus())
        .counter("jvc_fetch_no_answer_total", "Requests that got no answer (connection, timeout, body over the cap).",
            noAnswers.sum())
        .counter("jvc_fetch_bytes_received_total", "Bytes of the forum's response bodies, as decoded.",
            bytesReceived.sum())
        .labelled("jvc_parse_errors_total", "Pages that did not parse, by reason.", "counter", "reason",
            sums(parseErrorsByReason))
        .labelled("jvc_payloads_skipped_total", "Page payloads not used (markup read instead), by reason.", "counter",
            "reason", sums(payloadsSkippedByReason))
        .counter("jvc_posts_parsed_total", "Posts read from topic pages (before dedup).", postsParsed.sum())
        .counter("jvc_posts_streamed_total", "New posts appended to the stream log.", postsStreamed.sum())
        .counter("jvc_messages_skipped_total", "Messages skipped for a missing id, author or date.",
            messagesSkipped.sum())
        .labelled("jvc_fetch_retries_total", "Retries by kind: HTTP attempts (503, 429, 5xx, challenge, timeout,"
            + " connection) and topics queued again (cut-page, parse-error, fetch-failed, other).", "counter", "kind",
            sums(retriesByKind))
        .counter("jvc_challenge_backoffs_total", "Challenge pages that made the whole host back off.",
            challengeBackoffs.sum())
        .secondsCounter("jvc_challenge_backoff_seconds_total", "Seconds the host was backed off for challenge pages.",
            challengeBackoffMillis.sum())
        .counter("jvc_redis_errors_total", "Failed Redis operations.", redisErrors.sum())
        .counter("jvc_posts_duplicate_skipped_total", "Posts not appended: their id is already in the log.",
            duplicatesSkipped.sum())
        .counter("jvc_stream_lost_total", "Appends refused because the store lost the stream id (then exit 3).",
            streamLost.sum())
        .counter("jvc_topics_gone_total", "Topics dropped after a 410 or an unknown-topic redirect.",
            topicsGone.sum())
        .counter("jvc_list_refreshes_total", "Successful list page refresh rounds.", listRefreshes.sum())
        .counter("jvc_stream_clients_disconnected_slow_total", "Stream clients cut for falling behind.",
            clientsDisconnectedSlow.sum())
        .counter("jvc_stream_clients_rejected_total", "Stream clients refused (bad token or handshake).",
            clientsRejected.sum())
        .counter("jvc_posts_truncated_total", "Posts whose text was cut to fit the stream's 1 MiB line cap.",
            postsTruncated.sum())
        .counter("jvc_fetch_retries_parked_total", "Topic retries parked because the fetch queue was full.",
            retriesParked.sum())
        .labelled("jvc_stream_resume_answers_total", "Answers to stream clients' RESUME, by kind.", "counter",
            "answer", sums(resumeAnswersByKind))
        .gauge("jvc_fetch_queue_depth", "Topics waiting to be fetched.", queueDepth.getAsLong())
        .gauge("jvc_fetch_in_flight", "Topic fetches in progress.", inFlight.getAsLong())
        .gauge("jvc_stream_clients_connected", "Connected stream clients.", clientsConnected.getAsLong())
        .gauge("jvc_stream_last_seq", "Highest seq in the stream log.", lastSeq.getAsLong())
        .labelled("jvc_stream_client_lag_posts", "Posts held but not yet sent, per live stream client.", "gauge",
            "client", clientLags.get())
        .gauge("jvc_redis_up", "1 when the log store is reachable.", redisUp ? 1 : 0)
        .gauge("jvc_leader", "1 when this instance scrapes and streams.", leader ? 1 : 0)
        .histogram("jvc_fetch_latency_seconds", "Latency of one HTTP fetch.", LATENCY_BUCKETS, buckets,
            latencySumMicros.get() / 1e6, latencyCount.sum())
        .text();
  }

  private static <K> Map<K, Long> sums(Map<K, LongAdder> adders) {
    Map<K, Long> out = new java.util.HashMap<>();
    adders.forEach((k, v) -> out.put(k, v.sum()));
    return out;
  }
}
