package io.jvcstreaming.analytics.metrics;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The figures of one run, logged in one line on a graceful stop.
 *
 * @param job             the {@code --job} name
 * @param batches         batches processed in this run (each taken from its report, once)
 * @param postsReceived   records the receivers stored in those batches, as each batch registered them
 * @param postsCounted    posts counted in this run
 * @param postsDropped    posts read but not counted because they were already: skipped by a receiver (a resume
 *                        overlap, a replay) or by the filter before the counts (a block replayed after a restart)
 * @param postsTotal      posts counted since the checkpoint began (all runs)
 * @param reconnects      times a receiver connected again after a connection ended or failed
 * @param receiverErrors  errors the receivers reported (malformed lines, refused handshakes, bookmark trouble)
 * @param published       reports POSTed to the publish URL
 * @param publishFailures reports whose POST failed
 * @param stateKeys       keys held per count at the last batch
 */
public record Totals(String job, long batches, long postsReceived, long postsCounted, long postsDropped,
                     long postsTotal, long reconnects, long receiverErrors, long published, long publishFailures,
                     Map<String, Long> stateKeys) {

  public Totals {
    stateKeys = Collections.unmodifiableMap(new LinkedHashMap<>(stateKeys));
  }

  /** One line of {@code key=value} pairs, which a person and a grep both read; state keys in the map's order. */
  public String line() {
    String keys = stateKeys.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
        .collect(Collectors.joining(","));
    return "job '" + job + "' totals: batches=" + batches + " received=" + postsReceived + " counted="
        + postsCounted + " dropped_duplicates=" + postsDropped + " total_counted=" + postsTotal + " reconnects="
        + reconnects + " receiver_errors=" + receiverErrors + " published=" + published + " publish_failures="
        + publishFailures + " state_keys={" + keys + "}";
  }
}
