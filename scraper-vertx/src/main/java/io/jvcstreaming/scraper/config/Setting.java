package io.jvcstreaming.scraper.config;

import io.jvcstreaming.config.Key;
import io.jvcstreaming.config.Spec;

/**
 * Every key of the scraper: its CLI flag, its environment variable, its default and why that default.
 * The one place defaults live (the crawler-default.yaml habit); {@code --help} prints this table.
 */
public enum Setting implements Key {
  FORUM_URL(Spec.of("--forum-url", "JVC_FORUM_URL",
      "https://www.jeuxvideo.com/forums/0-51-0-1-0-1-0-blabla-18-25-ans.htm",
      "first list page of forum 51; topic links resolve against its origin, so a simulator URL just works")),
  REDIS_URL(Spec.of("--redis-url", "REDIS_URL", null,
      "Redis holding the stream log and bookmarks (with --store auto or redis)")),
  STORE(Spec.of("--store", "JVC_STORE", "auto",
      "where the log, seq and bookmarks live: auto (redis when REDIS_URL is set, else local), redis, local, "
          + "or memory (nothing survives a restart)")),
  DATA_DIR(Spec.of("--data-dir", "JVC_DATA_DIR", "./data",
      "directory of the local store (--store local); one scraper per directory, locked while it runs")),
  STREAM_HOST(Spec.of("--stream-host", "JVC_STREAM_HOST", "127.0.0.1",
      "bind address of the NDJSON stream; loopback unless told otherwise (0.0.0.0 in Kubernetes)")),
  STREAM_PORT(Spec.of("--stream-port", "JVC_STREAM_PORT", "6667", "TCP port of the NDJSON stream")),
  HTTP_HOST(Spec.of("--http-host", "JVC_HTTP_HOST", "0.0.0.0", "bind address of /health, /ready, /metrics")),
  HTTP_PORT(Spec.of("--http-port", "JVC_HTTP_PORT", "8080", "port of /health, /ready, /metrics")),
  FETCHERS(Spec.of("--fetchers", "JVC_FETCHERS", "60", "topic fetches in flight at once (the product card's ~60)")),
  RATE(Spec.of("--rate", "JVC_RATE", "20", "requests per second to the forum's host, all requests included")),
  REFRESH_INTERVAL(Spec.of("--refresh-interval", "JVC_REFRESH_INTERVAL", "2s", "how often the list pages are polled")),
  LIST_PAGES(Spec.of("--list-pages", "JVC_LIST_PAGES", "2",
      "list pages polled (25 topics each); the busy topics live there")),
  BACKFILL_PAGES(Spec.of("--backfill-pages", "JVC_BACKFILL_PAGES", "1",
      "pages of history emitted on first sight of a topic, from its last page backwards; 'all' for every page")),
  USER_AGENT(Spec.of("--user-agent", "JVC_USER_AGENT",
      "Mozilla/5.0 (X11; Linux x86_64; rv:145.0) Gecko/20100101 Firefox/145.0 jvc-streaming/1.0",
      "a real browser profile (the site sits behind Cloudflare) that still names us")),
  REQUEST_TIMEOUT(Spec.of("--request-timeout", "JVC_REQUEST_TIMEOUT", "15s", "whole-request timeout")),
  CONNECT_TIMEOUT(Spec.of("--connect-timeout", "JVC_CONNECT_TIMEOUT", "5s", "TCP/TLS connect timeout")),
  MAX_BODY_BYTES(Spec.of("--max-body-bytes", "JVC_MAX_BODY_BYTES", "8388608",
      "largest page accepted (8 MiB); an endless or huge body is cut and counted")),
  MAX_RETRIES(Spec.of("--max-retries", "JVC_MAX_RETRIES", "4", "retries of one request on 5xx/429/connection errors")),
  BACKOFF_BASE(Spec.of("--backoff-base", "JVC_BACKOFF_BASE", "500ms",
      "first retry delay; doubles each time, with jitter (a random wait in [d/2, d])")),
  BACKOFF_MAX(Spec.of("--backoff-max", "JVC_BACKOFF_MAX", "60s", "cap of the retry delay")),
  LOG_CAPACITY(Spec.of("--log-capacity", "JVC_LOG_CAPACITY", "100000",
      "posts kept in the stream log for RESUME (at least 100 000)")),
  STREAM_TOKEN(Spec.of("--stream-token", "STREAM_TOKEN", null,
      "shared secret a stream client must send as 'AUTH <token>'; unset = none").secret()),
  CLIENT_BUFFER_BYTES(Spec.of("--client-buffer-bytes", "JVC_CLIENT_BUFFER_BYTES", "4194304",
      "per-client write queue; a client whose backlog also falls out of the log is disconnected")),
  HANDSHAKE_TIMEOUT(Spec.of("--handshake-timeout", "JVC_HANDSHAKE_TIMEOUT", "500ms",
      "how long a new stream client may take to send AUTH/RESUME before it gets live posts")),
  LEADER_ELECTION(Spec.of("--leader-election", "JVC_LEADER_ELECTION", "false",
      "elect one active scraper through a Kubernetes Lease (on in the Helm chart when replicas > 1)").switchFlag()),
  LEASE_NAME(Spec.of("--lease-name", "JVC_LEASE_NAME", "jvc-scraper-leader", "name of the Lease object")),
  LEASE_DURATION(Spec.of("--lease-duration", "JVC_LEASE_DURATION", "15s", "how long a dead leader keeps the lease")),
  POD_NAME(Spec.of("--pod-name", "POD_NAME", null,
      "identity in the election (downward API); defaults to the host name")),
  POD_NAMESPACE(Spec.of("--pod-namespace", "POD_NAMESPACE", null, "namespace of the Lease (downward API)"));

  private final Spec spec;

  Setting(Spec spec) {
    this.spec = spec;
  }

  @Override
  public Spec spec() {
    return spec;
  }
}
