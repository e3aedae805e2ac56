package io.jvcstreaming.simulator;

import io.jvcstreaming.config.Key;
import io.jvcstreaming.config.Spec;

/** Every setting of the simulator: flag, {@code SIM_*} variable, default and range. */
public enum SimulatorSetting implements Key {
  PORT(Spec.of("--port", "SIM_PORT", "8089", "TCP port, 0-65535 (0 = any free port)")),
  HOST(Spec.of("--host", "SIM_HOST", "127.0.0.1", "bind address")),
  SEED(Spec.of("--seed", "SIM_SEED", "51", "random seed, any 64-bit integer")),
  TOPICS(Spec.of("--topics", "SIM_TOPICS", "300", "topics generated at start, 1-100000")),
  RATE(Spec.of("--rate", "SIM_RATE", "0", "live posts per second, 0-100000 (0 = static forum)")),
  MAX_POSTS_PER_TOPIC(Spec.of("--max-posts-per-topic", "SIM_MAX_POSTS_PER_TOPIC", "400",
      "cap on a topic's length, 1-100000")),
  ERROR_503(Spec.of("--error-503", "SIM_ERROR_503", "0", "fraction of 503 responses, 0-1")),
  DROP(Spec.of("--drop", "SIM_DROP", "0", "fraction of connections closed without response, 0-1")),
  CHALLENGE(Spec.of("--challenge", "SIM_CHALLENGE", "0", "fraction of Cloudflare 403 challenge pages, 0-1")),
  TOO_MANY(Spec.of("--too-many", "SIM_TOO_MANY", "0", "fraction of 429 responses, 0-1")),
  MALFORMED(Spec.of("--malformed", "SIM_MALFORMED", "0", "fraction of 200 pages cut in the middle, 0-1")),
  LATENCY(Spec.of("--latency", "SIM_LATENCY", "0ms", "fixed latency added to forum responses, 0ms-60s")
      .alias("--latency-ms", "SIM_LATENCY_MS")),
  LATENCY_JITTER(Spec.of("--latency-jitter", "SIM_LATENCY_JITTER", "0ms", "extra random latency, 0ms-60s")
      .alias("--latency-jitter-ms", "SIM_LATENCY_JITTER_MS"));

  private final Spec spec;

  SimulatorSetting(Spec spec) {
    this.spec = spec;
  }

  @Override
  public Spec spec() {
    return spec;
  }
}
