package io.jvcstreaming.simulator;

import java.util.Arrays;
import java.util.concurrent.CountDownLatch;

/** {@code java -jar forum-simulator.jar --port 8089 --rate 5}: serves a browsable forum until killed. */
public final class SimulatorMain {

  private SimulatorMain() {
  }

  public static void main(String[] args) throws InterruptedException {
    if (Arrays.asList(args).contains("--help") || Arrays.asList(args).contains("-h")) {
      System.out.print(CliArguments.usage());
      return;
    }
    SimulatorConfig config;
    try {
      config = CliArguments.parse(args, System.getenv());
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
