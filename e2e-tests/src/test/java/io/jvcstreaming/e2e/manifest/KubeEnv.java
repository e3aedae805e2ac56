package io.jvcstreaming.e2e.manifest;

import java.util.Locale;
import java.util.Map;

/** Kubernetes' own string rules the mapping applies exactly: $(VAR) expansion, service-link names, quantities. */
final class KubeEnv {

  private KubeEnv() {
  }

  /**
   * {@code $(NAME)} → the variable's value when defined, left as written when not; {@code $$} → {@code $} (as the
   * kubelet expands env values, command and args).
   */
  static String expand(String s, Map<String, String> vars) {
    StringBuilder out = new StringBuilder();
    int i = 0;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (c == '$' && i + 1 < s.length() && s.charAt(i + 1) == '$') {
        out.append('$');
        i += 2;
      } else if (c == '$' && i + 1 < s.length() && s.charAt(i + 1) == '(') {
        int close = s.indexOf(')', i + 2);
        String name = close < 0 ? null : s.substring(i + 2, close);
        if (name != null && vars.containsKey(name)) {
          out.append(vars.get(name));
          i = close + 1;
        } else {
          out.append(c);
          i++;
        }
      } else {
        out.append(c);
        i++;
      }
    }
    return out.toString();
  }

  /** The prefix of a Service's link variables: {@code jvc-streaming-redis} → {@code JVC_STREAMING_REDIS}. */
  static String serviceLinkPrefix(String service) {
    return service.toUpperCase(Locale.ROOT).replace('-', '_');
  }

  /** A memory quantity in bytes: 512Mi, 1Gi, 500M, 1G, 1024Ki, 1000. */
  static long bytes(String quantity) {
    String q = quantity.strip();
    String[][] units = {{"Ki", "1024"}, {"Mi", "1048576"}, {"Gi", "1073741824"}, {"Ti", "1099511627776"},
        {"k", "1000"}, {"K", "1000"}, {"M", "1000000"}, {"G", "1000000000"}, {"T", "1000000000000"}};
    for (String[] u : units) {
      if (q.endsWith(u[0])) {
        return (long) (Double.parseDouble(q.substring(0, q.length() - u[0].length())) * Long.parseLong(u[1]));
      }
    }
    return (long) Double.parseDouble(q);
  }
}
