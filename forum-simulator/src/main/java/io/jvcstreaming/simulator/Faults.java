package io.jvcstreaming.simulator;

/**
 * Injected misbehaviour, applied to forum pages only (never to {@code /_truth}, {@code /_stats}, {@code /_control}).
 * The four response fractions are drawn from one roll, so they are exclusive and their sum must not exceed 1;
 * {@code malformed} then truncates a fraction of the pages that would have been served whole.
 *
 * @param error503        fraction answered 503 (half of them with {@code Retry-After})
 * @param drop            fraction whose TCP connection is closed without any response
 * @param challenge       fraction answered by a Cloudflare-style 403 challenge ({@code cf-mitigated: challenge})
 * @param tooMany         fraction answered 429 (with {@code Retry-After} now and then)
 * @param malformed       fraction of 200 pages whose body is cut in the middle
 * @param latencyMs       fixed delay added before every forum response
 * @param latencyJitterMs extra uniform random delay in {@code [0, latencyJitterMs]}
 */
public record Faults(double error503, double drop, double challenge, double tooMany, double malformed, int latencyMs,
                     int latencyJitterMs) {

  public static final Faults NONE = new Faults(0, 0, 0, 0, 0, 0, 0);

  public static final int MAX_LATENCY_MS = 60_000;

  public Faults {
    requireFraction("error503", error503);
    requireFraction("drop", drop);
    requireFraction("challenge", challenge);
    requireFraction("tooMany", tooMany);
    requireFraction("malformed", malformed);
    if (error503 + drop + challenge + tooMany > 1.0 + 1e-9) {
      throw new IllegalArgumentException("error503 + drop + challenge + tooMany must not exceed 1, got "
          + (error503 + drop + challenge + tooMany));
    }
    requireLatency("latencyMs", latencyMs);
    requireLatency("latencyJitterMs", latencyJitterMs);
  }

  public Faults withError503(double v) {
    return new Faults(v, drop, challenge, tooMany, malformed, latencyMs, latencyJitterMs);
  }

  public Faults withDrop(double v) {
    return new Faults(error503, v, challenge, tooMany, malformed, latencyMs, latencyJitterMs);
  }

  public Faults withChallenge(double v) {
    return new Faults(error503, drop, v, tooMany, malformed, latencyMs, latencyJitterMs);
  }

  public Faults withTooMany(double v) {
    return new Faults(error503, drop, challenge, v, malformed, latencyMs, latencyJitterMs);
  }

  public Faults withMalformed(double v) {
    return new Faults(error503, drop, challenge, tooMany, v, latencyMs, latencyJitterMs);
  }

  public Faults withLatency(int ms, int jitterMs) {
    return new Faults(error503, drop, challenge, tooMany, malformed, ms, jitterMs);
  }

  private static void requireFraction(String name, double v) {
    if (!(v >= 0 && v <= 1)) {
      throw new IllegalArgumentException(name + " must be a fraction in [0, 1], got " + v);
    }
  }

  private static void requireLatency(String name, int v) {
    if (v < 0 || v > MAX_LATENCY_MS) {
      throw new IllegalArgumentException(name + " must be in [0, " + MAX_LATENCY_MS + "] ms, got " + v);
    }
  }
}
