package io.jvcstreaming.simulator.http;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A response decided by the routes, before faults and conditional-request handling.
 *
 * @param forumPage true for a 200 forum page: eligible for truncation and carries validators
 */
record Reply(int status, Map<String, String> headers, byte[] body, boolean forumPage, String etag,
                    long lastModifiedMillis) {

  static final String HTML = "text/html; charset=UTF-8";

  static Reply html(int status, String body) {
    return new Reply(status, headers("Content-Type", HTML), body.getBytes(StandardCharsets.UTF_8), false, null, 0);
  }

  static Reply page(byte[] body, String etag, long lastModifiedMillis) {
    return new Reply(200, headers("Content-Type", HTML), body, true, etag, lastModifiedMillis);
  }

  static Reply redirect(int status, String location) {
    Map<String, String> h = headers("Content-Type", HTML);
    h.put("Location", location);
    return new Reply(status, h, SpecialPages.redirecting(location).getBytes(StandardCharsets.UTF_8), false, null, 0);
  }

  static Reply json(int status, String json) {
    return new Reply(status, headers("Content-Type", "application/json"), json.getBytes(StandardCharsets.UTF_8), false,
        null, 0);
  }

  static Map<String, String> headers(String name, String value) {
    Map<String, String> h = new LinkedHashMap<>();
    h.put(name, value);
    return h;
  }
}
