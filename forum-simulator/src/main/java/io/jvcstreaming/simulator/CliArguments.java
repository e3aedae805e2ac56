package io.jvcstreaming.simulator;

import static io.jvcstreaming.simulator.SimulatorSetting.CHALLENGE;
import static io.jvcstreaming.simulator.SimulatorSetting.DROP;
import static io.jvcstreaming.simulator.SimulatorSetting.ERROR_503;
import static io.jvcstreaming.simulator.SimulatorSetting.HOST;
import static io.jvcstreaming.simulator.SimulatorSetting.LATENCY;
import static io.jvcstreaming.simulator.SimulatorSetting.LATENCY_JITTER;
import static io.jvcstreaming.simulator.SimulatorSetting.MALFORMED;
import static io.jvcstreaming.simulator.SimulatorSetting.MAX_POSTS_PER_TOPIC;
import static io.jvcstreaming.simulator.SimulatorSetting.PORT;
import static io.jvcstreaming.simulator.SimulatorSetting.RATE;
import static io.jvcstreaming.simulator.SimulatorSetting.SEED;
import static io.jvcstreaming.simulator.SimulatorSetting.TOO_MANY;
import static io.jvcstreaming.simulator.SimulatorSetting.TOPICS;

import io.jvcstreaming.config.Settings;
import java.time.Duration;
import java.util.Map;

/**
 * Turns flags ({@code --rate 5} or {@code --rate=5}) and {@code SIM_*} environment variables ({@link
 * SimulatorSetting}) into a {@link SimulatorConfig}. A flag wins over its variable; any bad value fails with the
 * flag's name, its variable and the range.
 */
final class CliArguments {

  private static final Duration MAX_LATENCY = Duration.ofMillis(Faults.MAX_LATENCY_MS);

  private CliArguments() {
  }

  public static SimulatorConfig parse(String[] args, Map<String, String> env) {
    return from(Settings.load(SimulatorSetting.class, args, env));
  }

  public static SimulatorConfig from(Settings<SimulatorSetting> s) {
    Faults faults = new Faults(s.decimal(ERROR_503, 0, 1), s.decimal(DROP, 0, 1), s.decimal(CHALLENGE, 0, 1),
        s.decimal(TOO_MANY, 0, 1), s.decimal(MALFORMED, 0, 1),
        (int) s.duration(LATENCY, Duration.ZERO, MAX_LATENCY).toMillis(),
        (int) s.duration(LATENCY_JITTER, Duration.ZERO, MAX_LATENCY).toMillis());
    return new SimulatorConfig(
        s.longValue(SEED, Long.MIN_VALUE, Long.MAX_VALUE),
        s.integer(TOPICS, 1, SimulatorConfig.MAX_TOPICS),
        s.decimal(RATE, 0, SimulatorConfig.MAX_RATE),
        s.integer(PORT, 0, 65_535),
        s.string(HOST) == null ? "" : s.string(HOST),
        faults,
        s.integer(MAX_POSTS_PER_TOPIC, 1, SimulatorConfig.MAX_POSTS_PER_TOPIC));
  }

  public static String usage() {
    return Settings.help(SimulatorSetting.class, "usage: java -jar forum-simulator.jar [flags]");
  }
}
