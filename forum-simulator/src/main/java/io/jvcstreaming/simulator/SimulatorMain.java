package io.jvcstreaming.simulator;

import io.jvcstreaming.config.Settings;
import java.util.concurrent.CountDownLatch;

/** {@code java -jar forum-simulator.jar --port 8089 --rate 5}: serves a browsable forum until killed. */
public final class SimulatorMain {

  private SimulatorMain() {
  }

  public static void main(String[] args) throws InterruptedException {
    if (Settings.wantsHelp(args)) {
      System.out.print(CliArguments.usage());
      return;
    }
    SimulatorConfig config;
    try {
      Settings<SimulatorSetting> settings = Settings.load(SimulatorSetting.class, args, System.getenv());
      config = CliArguments.from(settings);
      System.err.println("forum simulator starting with:\n" + settings.describe());
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.err.print(CliArguments.usage());
      System.exit(2);
      return;
    }
    ForumSimulator simulator = ForumSimulator.start(config);
    System.out.println("forum simulator listening: " + simulator.listUrl() + "  (truth: " + simulator.origin()
        + "/_truth, stats: " + simulator.origin() + "/_stats)");
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      simulator.close();
      stopped.countDown();
    }, "simulator-shutdown"));
    stopped.await();
  }
}
