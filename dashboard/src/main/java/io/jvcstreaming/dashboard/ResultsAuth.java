package io.jvcstreaming.dashboard;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;

/**
 * Who may post results: anyone when no token is configured (the configuration allows that only on a loopback
 * bind), otherwise a request whose {@code Authorization} header is {@code Bearer <token>}.
 *
 * <p>The comparison is on SHA-256 digests with {@link MessageDigest#isEqual}: equal lengths, constant time, so
 * neither the token's length nor its prefix leaks through response timing.
 */
final class ResultsAuth {

  /** What a request's credentials amount to. */
  public enum Outcome {
    /** No token configured: everyone is let in. */
    OPEN,
    /** The right token. */
    ACCEPTED,
    /** No Authorization header, or not a Bearer one. */
    MISSING,
    /** A Bearer token, but not ours. */
    WRONG;

    public boolean allowed() {
      return this == OPEN || this == ACCEPTED;
    }
  }

  private static final String BEARER = "bearer ";

  private final byte[] expectedDigest;

  /** @param token the required token, or null for open */
  public ResultsAuth(String token) {
    this.expectedDigest = token == null ? null : sha256(token);
  }

  public Outcome check(String authorizationHeader) {
    if (expectedDigest == null) {
      return Outcome.OPEN;
    }
    if (authorizationHeader == null) {
      return Outcome.MISSING;
    }
    String h = authorizationHeader.strip();
    // The scheme is case-insensitive (RFC 9110 11.1); the token is not.
    if (h.length() <= BEARER.length() || !h.substring(0, BEARER.length()).toLowerCase(Locale.ROOT).equals(BEARER)) {
      return Outcome.MISSING;
    }
    String given = h.substring(BEARER.length()).strip();
    return MessageDigest.isEqual(sha256(given), expectedDigest) ? Outcome.ACCEPTED : Outcome.WRONG;
  }

  private static byte[] sha256(String s) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
