package io.jvcstreaming.scraper;

/**
 * Netty system properties the scraper sets before Netty's first class loads, each only when the user has not set
 * it ({@code -Dname=value} wins).
 *
 * <p>{@code io.netty.jfr.enabled=false}: Netty 4.2's allocator asks at its first chunk whether its JFR events are
 * enabled, and that question alone initialises JFR's metadata in every start (about 180 classes: JFR's own,
 * annotation proxies and reflection accessors), though nothing records them. Measured in BENCHMARKS.md (issue
 * #12): −6 % CPU-s per crawl. Whoever profiles Netty's allocator with JFR passes
 * {@code -Dio.netty.jfr.enabled=true}.
 */
final class NettyDefaults {

  static final String JFR_EVENTS = "io.netty.jfr.enabled";

  private NettyDefaults() {
  }

  static void apply() {
    if (System.getProperty(JFR_EVENTS) == null) {
      System.setProperty(JFR_EVENTS, "false");
    }
  }
}
