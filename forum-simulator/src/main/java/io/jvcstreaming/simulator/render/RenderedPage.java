package io.jvcstreaming.simulator.render;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A page's bytes with its validators. The ETag is a hash of the bytes, so a 304 is exact: it is answered iff the
 * client already holds this very body. Last-Modified is when those bytes were first served.
 *
 * @param version the state version the page was rendered from (cache key)
 */
public record RenderedPage(long version, byte[] body, String etag, long lastModifiedMillis) {

  /** The cached page for {@code key} at {@code version}, rendering it if the state moved on. */
  public static RenderedPage cached(Map<Integer, Object> cache, int key, long version, Supplier<String> render) {
    Object slot = cache.get(key);
    RenderedPage previous = slot instanceof RenderedPage p ? p : null;
    if (previous != null && previous.version == version) {
      return previous;
    }
    byte[] body = render.get().getBytes(StandardCharsets.UTF_8);
    String etag = etag(body);
    long lastModified = previous != null && previous.etag.equals(etag)
        ? previous.lastModifiedMillis
        : System.currentTimeMillis() / 1000 * 1000;
    RenderedPage page = new RenderedPage(version, body, etag, lastModified);
    cache.put(key, page);
    return page;
  }

  static String etag(byte[] body) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
      return "\"" + HexFormat.of().formatHex(digest, 0, 12) + "\"";
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
