package io.jvcstreaming.simulator.pictures;

import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which picture a {@code /pictures/...} path asks for. The offline demo's dashboard maps a sticker URL of the real
 * image hosts onto this path ({@code https://image.noelshack.com/fichiers/...} to
 * {@code /pictures/image.noelshack.com/fichiers/...}), so the forum's markup keeps the real hosts the scraper
 * parses, and only the pixels come from here. Only the two image hosts and plain path characters are accepted.
 */
public final class PicturePath {

  public static final String PREFIX = "/pictures/";
  static final Set<String> HOSTS = Set.of("image.noelshack.com", "image.jeuxvideo.com");
  static final int MAX_PATH = 300;
  private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._~%+/-]+");

  private PicturePath() {
  }

  /** The picture's identity ({@code host/path}), or empty for a path that is not a picture we draw. */
  public static Optional<String> of(String requestPath) {
    if (requestPath == null || !requestPath.startsWith(PREFIX) || requestPath.length() > MAX_PATH) {
      return Optional.empty();
    }
    String rest = requestPath.substring(PREFIX.length());
    int slash = rest.indexOf('/');
    if (slash <= 0 || slash == rest.length() - 1) {
      return Optional.empty();
    }
    String host = rest.substring(0, slash);
    String path = rest.substring(slash);
    if (!HOSTS.contains(host) || !SAFE.matcher(path).matches() || path.contains("..") || path.contains("//")) {
      return Optional.empty();
    }
    return Optional.of(host + path);
  }
}
