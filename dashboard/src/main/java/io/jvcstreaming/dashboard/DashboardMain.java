package io.jvcstreaming.dashboard;

import io.jvcstreaming.config.Settings;
import io.vertx.core.Vertx;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code java -jar dashboard.jar [options]}: see {@code --help}. */
public final class DashboardMain {

  private static final Logger LOG = LoggerFactory.getLogger(DashboardMain.class);

  private DashboardMain() {
  }

  public static void main(String[] args) {
    if (Settings.wantsHelp(args)) {
      System.out.print(DashboardConfig.help());
      return;
    }
    Settings<DashboardConfig.Key> settings;
    DashboardConfig config;
    try {
      settings = Settings.load(DashboardConfig.Key.class, args, System.getenv());
      config = DashboardConfig.from(settings);
    } catch (IllegalArgumentException e) {
      System.err.println("jvc-dashboard: " + e.getMessage());
      System.exit(2);
      return;
    }
    LOG.info("jvc-dashboard starting with:\n{}\n{}", settings.describe(), config.describe());
    Vertx vertx = Vertx.vertx();
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      try {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
      } catch (Exception e) {
        // the JVM is going down anyway
      }
    }, "dashboard-shutdown"));
    DashboardVerticle verticle = new DashboardVerticle(config);
    vertx.deployVerticle(verticle)
        .onSuccess(id -> {
          // One plain line on stdout: the one-machine run greps it to print the URL.
          String shown = "0.0.0.0".equals(config.host()) ? "127.0.0.1" : config.host();
          System.out.println("jvc-dashboard: listening on http://" + shown + ":" + verticle.actualPort() + "/");
        })
        .onFailure(e -> {
          LOG.error("jvc-dashboard failed to start: {}", e.toString(), e);
          System.exit(1);
        });
  }
}
