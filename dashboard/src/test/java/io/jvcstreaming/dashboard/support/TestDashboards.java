package io.jvcstreaming.dashboard.support;

import io.jvcstreaming.dashboard.DashboardConfig;
import java.net.URI;
import java.time.Duration;

/** Configurations for a dashboard under test: any free HTTP port, sources wherever the test says. */
public final class TestDashboards {

  private TestDashboards() {
  }

  public static DashboardConfig config(String redisUrl, int sourcePort, int metricsPort) {
    return config(redisUrl, null, null, sourcePort, metricsPort);
  }

  /** With a results token (null = open POST) and a Redis password given apart from the URL (null = none). */
  public static DashboardConfig config(String redisUrl, String redisPassword, String resultsToken, int sourcePort,
                                       int metricsPort) {
    return new DashboardConfig("127.0.0.1", 0, redisUrl, "127.0.0.1", sourcePort, null,
        URI.create("http://127.0.0.1:" + metricsPort + "/metrics"), Duration.ofMillis(300),
        "https://www.jeuxvideo.com", resultsToken, redisPassword);
  }

  /** A port nobody listens on (bound then released), for a source the test wants absent. */
  public static int freePort() {
    return io.jvcstreaming.testkit.FreePort.next();
  }
}
