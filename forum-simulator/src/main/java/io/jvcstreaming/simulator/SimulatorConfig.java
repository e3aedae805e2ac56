package io.jvcstreaming.simulator;

import java.util.Objects;

/**
 * Everything the simulator is started with, validated once here.
 *
 * @param seed             drives every random choice of the generated forum (same seed, same forum)
 * @param topics           topics generated at start, in [1, 100000]
 * @param liveRate         posts per second published after start, in [0, 100000]; 0 = static forum
 * @param port             TCP port in [0, 65535]; 0 picks a free one
 * @param host             interface to bind
 * @param faults           initial fault injection (changeable at runtime)
 * @param maxPostsPerTopic cap on a topic's length (history and live replies), in [1, 100000]
 */
public record SimulatorConfig(long seed, int topics, double liveRate, int port, String host, Faults faults,
                              int maxPostsPerTopic) {

  public static final int DEFAULT_PORT = 8089;
  public static final int MAX_TOPICS = 100_000;
  public static final double MAX_RATE = 100_000;
  public static final int MAX_POSTS_PER_TOPIC = 100_000;

  public SimulatorConfig {
    if (topics < 1 || topics > MAX_TOPICS) {
      throw new IllegalArgumentException("topics must be in [1, " + MAX_TOPICS + "], got " + topics);
    }
    if (!(liveRate >= 0 && liveRate <= MAX_RATE)) {
      throw new IllegalArgumentException("liveRate must be in [0, " + (long) MAX_RATE + "] posts/s, got " + liveRate);
    }
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException("port must be in [0, 65535], got " + port);
    }
    Objects.requireNonNull(host, "host");
    if (host.isBlank()) {
      throw new IllegalArgumentException("host must not be blank");
    }
    Objects.requireNonNull(faults, "faults");
    if (maxPostsPerTopic < 1 || maxPostsPerTopic > MAX_POSTS_PER_TOPIC) {
      throw new IllegalArgumentException("maxPostsPerTopic must be in [1, " + MAX_POSTS_PER_TOPIC + "], got "
          + maxPostsPerTopic);
    }
  }

  /** Seed 51, 300 topics, static, port 8089 on 127.0.0.1, no faults, topics up to 400 posts. */
  public static SimulatorConfig defaults() {
    return new SimulatorConfig(51, 300, 0, DEFAULT_PORT, "127.0.0.1", Faults.NONE, 400);
  }

  public SimulatorConfig withSeed(long v) {
    return new SimulatorConfig(v, topics, liveRate, port, host, faults, maxPostsPerTopic);
  }

  public SimulatorConfig withTopics(int v) {
    return new SimulatorConfig(seed, v, liveRate, port, host, faults, maxPostsPerTopic);
  }

  public SimulatorConfig withLiveRate(double v) {
    return new SimulatorConfig(seed, topics, v, port, host, faults, maxPostsPerTopic);
  }

  public SimulatorConfig withPort(int v) {
    return new SimulatorConfig(seed, topics, liveRate, v, host, faults, maxPostsPerTopic);
  }

  public SimulatorConfig withHost(String v) {
    return new SimulatorConfig(seed, topics, liveRate, port, v, faults, maxPostsPerTopic);
  }

  public SimulatorConfig withFaults(Faults v) {
    return new SimulatorConfig(seed, topics, liveRate, port, host, v, maxPostsPerTopic);
  }

  public SimulatorConfig withMaxPostsPerTopic(int v) {
    return new SimulatorConfig(seed, topics, liveRate, port, host, faults, v);
  }

  public boolean live() {
    return liveRate > 0;
  }
}
