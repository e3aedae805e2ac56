package io.jvcstreaming.scraper.source;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The session's cookies, per host (spec §8: a fetch without the site's cookies may be redirected, so what the
 * forum sets is sent back). Deliberately minimal: name=value per host, replaced when set again, dropped when set
 * empty or with {@code Max-Age=0}; paths, domains and expiry dates are not tracked (one forum, one session).
 * Thread-safe.
 */
final class CookieJar {

  private static final int MAX_PER_HOST = 50;

  private final Map<String, Map<String, String>> byHost = new LinkedHashMap<>();

  /** One {@code Set-Cookie} header value from {@code host}. */
  synchronized void store(String host, String setCookie) {
    int end = setCookie.indexOf(';');
    String pair = end < 0 ? setCookie : setCookie.substring(0, end);
    int eq = pair.indexOf('=');
    if (eq <= 0) {
      return;
    }
    String name = pair.substring(0, eq).strip();
    String value = pair.substring(eq + 1).strip();
    Map<String, String> cookies = byHost.computeIfAbsent(host, h -> new LinkedHashMap<>());
    if (value.isEmpty() || setCookie.toLowerCase(java.util.Locale.ROOT).matches(".*;\\s*max-age\\s*=\\s*(0|-\\d+)\\s*(;.*)?")) {
      cookies.remove(name);
    } else if (cookies.containsKey(name) || cookies.size() < MAX_PER_HOST) {
      cookies.put(name, value);
    }
  }

  /** The {@code Cookie} header for a request to {@code host}, or null when there is none. */
  synchronized String header(String host) {
    Map<String, String> cookies = byHost.get(host);
    if (cookies == null || cookies.isEmpty()) {
      return null;
    }
    StringBuilder sb = new StringBuilder();
    cookies.forEach((k, v) -> sb.append(sb.isEmpty() ? "" : "; ").append(k).append('=').append(v));
    return sb.toString();
  }
}
