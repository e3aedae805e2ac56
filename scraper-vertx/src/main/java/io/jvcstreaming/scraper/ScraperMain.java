package io.jvcstreaming.scraper;

import io.jvcstreaming.config.Settings;
import io.jvcstreaming.scraper.config.ConfigLoader;
import io.jvcstreaming.scraper.config.ScraperConfig;
import io.jvcstreaming.scraper.config.Setting;
import io.jvcstreaming.scraper.log.DataDirInUseException;
import io.jvcstreaming.scraper.metrics.CrawlStats;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code java -jar scraper-vertx.jar [options]}: see {@code --help}. */
public final class ScraperMain {

  private static final Logger LOG = LoggerFactory.getLogger(ScraperMain.class);

  private ScraperMain() {
  }

  public static void main(String[] args) {
    long started = System.nanoTime();
    NettyDefaults.apply();
    if (Settings.wantsHelp(args)) {
      System.out.print(ConfigLoader.help());
      return;
    }
    Settings<Setting> settings;
    ScraperConfig config;
    try {
      settings = Settings.load(Setting.class, args, System.getenv());
      config = ConfigLoader.from(settings);
    } catch (IllegalArgumentException e) {
      System.err.println("jvc-scraper: " + e.getMessage());
      System.exit(2);
      return;
    }
    LOG.info("jvc-scraper starting with:\n{}\n resolved:\n{}", settings.describe(), config.describe());
    Vertx vertx = Vertx.vertx();
    AtomicReference<Scraper> running = new AtomicReference<>();
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      try {
        Scraper scraper = running.get();
        if (scraper != null) {
          try {
            // closes the store cleanly (the local store's file lock goes with it); every append is committed already
            scraper.stop().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
          } finally {
            // after the stop: the crawl is over, so the line holds the final counts
            LOG.info(CrawlStats.of(scraper.metrics(), Duration.ofNanos(System.nanoTime() - started)).line());
          }
        }
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
      } catch (Exception e) {
        // the JVM is going down anyway
      }
    }, "scraper-shutdown"));
    LeaderSupport.run(vertx, config).onSuccess(scraper -> {
      running.set(scraper);
      scraper.exitRequested().onSuccess(code -> {
        LOG.error("jvc-scraper exiting with code {} so that its supervisor restarts it onto a new stream", code);
        // not on the event loop: the shutdown hook needs it to close Vert.x
        new Thread(() -> System.exit(code), "scraper-exit").start();
      });
    }).onFailure(e -> {
      LOG.error("jvc-scraper failed to start: {}", e.toString(), e);
      System.exit(e instanceof DataDirInUseException ? 2 : 1);
    });
  }
}
