package io.jvcstreaming.e2e.manifest;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Host names as the cluster (or compose's network) resolves them → the local address of the workload behind them,
 * with the Service port → container port step kube-proxy does; plus the external origins replaced by local stand-ins.
 * Applied as a string rewrite to env values and arguments: a host name an app builds from pieces at run time is not
 * seen (none does today).
 */
final class HostMap {

  private record Target(String workload, String ip, Map<Integer, Integer> ports) {
  }

  private final Map<String, Target> names = new LinkedHashMap<>();
  private final Map<String, String> origins = new LinkedHashMap<>();
  private final Map<String, Map<Integer, Integer>> remapped = new LinkedHashMap<>();

  /** A name (and, for a k8s Service, its .ns, .ns.svc, .ns.svc.cluster.local forms). */
  void service(String name, String namespace, String workload, String ip, Map<Integer, Integer> ports) {
    Target t = new Target(workload, ip, ports);
    names.put(name, t);
    if (namespace != null) {
      names.put(name + "." + namespace, t);
      names.put(name + "." + namespace + ".svc", t);
      names.put(name + "." + namespace + ".svc.cluster.local", t);
    }
  }

  /** An origin outside the cluster (e.g. https://www.jeuxvideo.com) → a local stand-in (http://ip:port). */
  void external(String origin, String replacement) {
    origins.put(origin, replacement);
  }

  /** PortPlan moved {@code workload}'s container port {@code from} to {@code to}: references follow it. */
  void remap(String workload, int from, int to) {
    remapped.computeIfAbsent(workload, w -> new LinkedHashMap<>()).put(from, to);
  }

  String rewrite(String value) {
    String out = value;
    for (Map.Entry<String, String> o : origins.entrySet()) {
      out = out.replace(o.getKey(), o.getValue());
    }
    for (String name : longestFirst()) {
      Target t = names.get(name);
      Matcher m = pattern(name).matcher(out);
      StringBuilder sb = new StringBuilder();
      while (m.find()) {
        if (!isHost(out, m, name)) {
          m.appendReplacement(sb, Matcher.quoteReplacement(m.group()));
          continue;
        }
        String replacement = t.ip();
        if (m.group(2) != null) {
          int port = Integer.parseInt(m.group(2));
          int target = t.ports().getOrDefault(port, port);
          target = remapped.getOrDefault(t.workload(), Map.of()).getOrDefault(target, target);
          replacement += ":" + target;
        }
        m.appendReplacement(sb, Matcher.quoteReplacement(replacement));
      }
      m.appendTail(sb);
      out = sb.toString();
    }
    return out;
  }

  private List<String> longestFirst() {
    List<String> all = new ArrayList<>(names.keySet());
    all.sort(Comparator.comparingInt(String::length).reversed());
    return all;
  }

  private static Pattern pattern(String name) {
    return Pattern.compile("(?<![A-Za-z0-9.-])" + Pattern.quote(name) + "(?![A-Za-z0-9-]|\\.[A-Za-z])(:(\\d+))?");
  }

  /**
   * A name is a host when it has a port ({@code scraper:6667}), follows {@code //} or {@code @} (a URL), or is a
   * dotted cluster name; a bare word is not ({@code --job stickers} names a job, not the compose service
   * {@code stickers}; {@code /checkpoints/stickers} is a path).
   */
  private static boolean isHost(String s, Matcher m, String name) {
    int at = m.start();
    boolean afterUrl = (at >= 2 && s.startsWith("//", at - 2)) || (at >= 1 && s.charAt(at - 1) == '@');
    boolean pathPart = at >= 1 && s.charAt(at - 1) == '/' && !afterUrl;
    return !pathPart && (m.group(2) != null || afterUrl || name.contains("."));
  }
}
