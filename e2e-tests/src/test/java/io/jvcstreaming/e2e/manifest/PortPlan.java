package io.jvcstreaming.e2e.manifest;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which local port each workload listens on. In a cluster every pod has its own IP, so two pods may both listen on
 * 4040 (every Spark driver's UI does); on one machine a process listening on 0.0.0.0:4040 takes the port for all
 * addresses. The first claimant keeps its port; each further claimant of the same port gets it plus
 * {@link #OFFSET} × (its rank among the claimants): the explicit remap table, printed by the test.
 */
final class PortPlan {

  /** Added once per further claimant of one port (4040, 4140, 4240, ...). */
  static final int OFFSET = 100;

  /** One port a workload listens on (a manifest port, or one the mapping itself opens: Spark's UI). */
  record Claim(String workload, int port, String what) {
  }

  private final Map<String, Map<Integer, Integer>> assigned = new LinkedHashMap<>();
  private final List<String> remaps = new ArrayList<>();

  PortPlan(List<Claim> claims) {
    Map<Integer, Integer> claimants = new LinkedHashMap<>();
    List<Integer> taken = new ArrayList<>();
    for (Claim c : claims) {
      int rank = claimants.merge(c.port(), 1, Integer::sum) - 1;
      int local = c.port() + OFFSET * rank;
      while (taken.contains(local)) {
        local += OFFSET;
      }
      taken.add(local);
      assigned.computeIfAbsent(c.workload(), w -> new LinkedHashMap<>()).put(c.port(), local);
      if (local != c.port()) {
        remaps.add(c.workload() + " " + c.what() + " " + c.port() + " -> " + local
            + " (another workload listens on " + c.port() + " on this machine)");
      }
    }
  }

  /** The local port of {@code workload}'s port {@code port} (itself unless remapped). */
  int local(String workload, int port) {
    return assigned.getOrDefault(workload, Map.of()).getOrDefault(port, port);
  }

  Map<Integer, Integer> remapsOf(String workload) {
    Map<Integer, Integer> out = new LinkedHashMap<>();
    assigned.getOrDefault(workload, Map.of()).forEach((from, to) -> {
      if (!from.equals(to)) {
        out.put(from, to);
      }
    });
    return out;
  }

  List<String> remaps() {
    return List.copyOf(remaps);
  }

  /** Every assigned port that something on this machine already holds (tried on the wildcard address). */
  List<String> busy() {
    List<String> out = new ArrayList<>();
    assigned.forEach((w, ports) -> ports.values().forEach(p -> {
      try (ServerSocket s = new ServerSocket()) {
        s.bind(new InetSocketAddress(p));
      } catch (IOException e) {
        out.add(p + " (for " + w + "): " + e.getMessage());
      }
    }));
    return out;
  }
}
