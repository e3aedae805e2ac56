package io.jvcstreaming.simulator.http;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** Counts of forum responses by status ("dropped" for connections closed without a response). */
public final class RequestStats {

  private final Map<String, LongAdder> byStatus = new ConcurrentHashMap<>();

  void count(String status) {
    byStatus.computeIfAbsent(status, s -> new LongAdder()).increment();
  }

  public Map<String, Long> snapshot() {
    Map<String, Long> out = new TreeMap<>();
    byStatus.forEach((k, v) -> out.put(k, v.sum()));
    return out;
  }
}
