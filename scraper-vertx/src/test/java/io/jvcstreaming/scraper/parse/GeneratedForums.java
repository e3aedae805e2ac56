package io.jvcstreaming.scraper.parse;

import io.jvcstreaming.simulator.model.ContentGenerator;
import io.jvcstreaming.simulator.model.ForumActivity;
import io.jvcstreaming.simulator.model.HistoryGenerator;
import io.jvcstreaming.simulator.model.SimClock;
import io.jvcstreaming.simulator.model.World;
import java.time.Instant;

/**
 * Static forums as the simulator generates them, and what a parse gives: the shared ground of the tests that read
 * every generated page two ways and compare.
 */
final class GeneratedForums {

  /** The instant the forums are generated at (the simulator's frozen clock). */
  static final Instant NOW = SimClock.frozen().anchor();
  private static final int MAX_POSTS_PER_TOPIC = 400;

  private GeneratedForums() {
  }

  /** A static forum of that seed and size; read it inside {@code world.read(..)}. */
  static World generate(long seed, int topics) {
    World world = new World(seed);
    ContentGenerator content = new ContentGenerator(seed);
    HistoryGenerator.generate(world, new ForumActivity(world, content), content, seed, topics, MAX_POSTS_PER_TOPIC,
        NOW, System.currentTimeMillis());
    return world;
  }

  /** A parse to run. */
  interface Parse {
    Object run() throws PageParseException;
  }

  /** What a parse gives: its answer, or the error's message. */
  static Object outcome(Parse parse) {
    try {
      return parse.run();
    } catch (PageParseException e) {
      return "error: " + e.getMessage();
    }
  }
}
