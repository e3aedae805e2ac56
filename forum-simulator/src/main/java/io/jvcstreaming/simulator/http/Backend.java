package io.jvcstreaming.simulator.http;

import io.jvcstreaming.simulator.Faults;

/** What the HTTP layer needs from the simulator; implemented by the simulator, kept small for the verticle. */
public interface Backend {

  ForumRoutes routes();

  Faults faults();

  /** Applies a {@code POST /_control}: new faults and moderation orders. */
  void control(ControlCommand command);

  /** NDJSON truth lines from publication index {@code since} on. */
  byte[] truth(long since);

  String statsJson();

  RequestStats stats();
}
