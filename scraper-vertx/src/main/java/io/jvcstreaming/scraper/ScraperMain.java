package io.jvcstreaming.scraper;

import io.jvcstreaming.scraper.config.ConfigLoader;
import io.jvcstreaming.scraper.config.ScraperConfig;
import io.vertx.core.Vertx;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code java -jar scraper-vertx.jar [options]}: see {@code --help}. */
public final class ScraperMain {

  private static final Logger LOG = LoggerFactory.getLogger(ScraperMain.class);

  private ScraperMain() {
  }

  public static void main(String[] args) {
    if (Arrays.asList(args).contains("--help") || Arrays.asList(args).contains("-h")) {
      System.out.print(ConfigLoader.help());
      return;
    }
    ScraperConfig config;
    try {
      config = ConfigLoader.load(args, System.getenv());
    } catch (IllegalArgumentException e) {
      System.err.println("jvc-scraper: " + e.getMessage());
      System.exit(2);
      return;
    }
    LOG.info("jvc-scraper starting with:\n{}", config.describe());
    Vertx vertx = Vertx.vertx();
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      try {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
      } catch (Exception e) {
        // the JVM is going down anyway
      }
    }, "scraper-shutdown"));
    LeaderSupport.run(vertx, config).onFailure(e -> {
      LOG.error("jvc-scraper failed to start: {}", e.toString(), e);
      System.exit(1);
    });
  }
}
