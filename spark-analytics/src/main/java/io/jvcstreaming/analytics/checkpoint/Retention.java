package io.jvcstreaming.analytics.checkpoint;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * What happens to the checkpoint directories of other builds beside this build's: the most recently written one
 * is kept (a rollback to that jar finds its counts), every older one is deleted (a volume that outlives many
 * upgrades does not fill up). Only directories that hold our options file are ever considered: nothing an
 * operator put there is touched. Pure.
 */
public final class Retention {

  /** Another build's directory: its name and when a checkpoint was last written in it (epoch millis). */
  public record VersionDir(String name, long lastWritten) {
  }

  /** @param kept the one left for a rollback (null when there is none), @param deleted the ones to delete */
  public record Decision(VersionDir kept, List<VersionDir> deleted) {
  }

  private Retention() {
  }

  public static Decision decide(List<VersionDir> others) {
    List<VersionDir> sorted = new ArrayList<>(others);
    sorted.sort(Comparator.comparingLong(VersionDir::lastWritten).reversed().thenComparing(VersionDir::name));
    if (sorted.isEmpty()) {
      return new Decision(null, List.of());
    }
    return new Decision(sorted.get(0), List.copyOf(sorted.subList(1, sorted.size())));
  }
}
