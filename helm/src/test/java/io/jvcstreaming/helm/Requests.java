package io.jvcstreaming.helm;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** CPU (millicores) and memory (MiB) a pod asks the scheduler for; parses Kubernetes and Spark quantities. */
record Requests(long milliCpu, long memoryMiB) {

  static final Requests NONE = new Requests(0, 0);
  private static final long MIB = 1024L * 1024L;
  private static final Pattern K8S = Pattern.compile("^([0-9]+(?:\\.[0-9]+)?)(m|k|Ki|Mi|Gi|Ti|M|G|T)?$");
  private static final Pattern SPARK = Pattern.compile("^([0-9]+)(b|[kmgtp]b?)?$");

  Requests plus(Requests o) {
    return new Requests(milliCpu + o.milliCpu, memoryMiB + o.memoryMiB);
  }

  Requests times(long n) {
    return new Requests(milliCpu * n, memoryMiB * n);
  }

  /** Per dimension maximum (an init container's request against the sum of the app containers). */
  Requests max(Requests o) {
    return new Requests(Math.max(milliCpu, o.milliCpu), Math.max(memoryMiB, o.memoryMiB));
  }

  /** A Kubernetes CPU quantity ("250m", "1", "0.5", or a YAML number) in millicores, rounded up. */
  static long cpuMillis(Object quantity) {
    Matcher m = K8S.matcher(String.valueOf(quantity).trim());
    if (!m.matches() || (m.group(2) != null && !m.group(2).equals("m"))) {
      throw new IllegalArgumentException("not a CPU quantity: " + quantity);
    }
    BigDecimal n = new BigDecimal(m.group(1));
    BigDecimal millis = "m".equals(m.group(2)) ? n : n.multiply(BigDecimal.valueOf(1000));
    return millis.setScale(0, java.math.RoundingMode.CEILING).longValueExact();
  }

  /** A Kubernetes memory quantity ("384Mi", "1Gi", "512M", bytes) in MiB, rounded up. */
  static long memoryMiB(Object quantity) {
    Matcher m = K8S.matcher(String.valueOf(quantity).trim());
    if (!m.matches() || "m".equals(m.group(2))) {
      throw new IllegalArgumentException("not a memory quantity: " + quantity);
    }
    BigDecimal n = new BigDecimal(m.group(1));
    long unit = switch (m.group(2) == null ? "" : m.group(2)) {
      case "" -> 1L;
      case "k" -> 1000L;
      case "M" -> 1000L * 1000L;
      case "G" -> 1000L * 1000L * 1000L;
      case "T" -> 1000L * 1000L * 1000L * 1000L;
      case "Ki" -> 1024L;
      case "Mi" -> MIB;
      case "Gi" -> MIB * 1024L;
      case "Ti" -> MIB * 1024L * 1024L;
      default -> throw new IllegalArgumentException("not a memory quantity: " + quantity);
    };
    BigDecimal mib = n.multiply(BigDecimal.valueOf(unit)).divide(BigDecimal.valueOf(MIB), 0,
        java.math.RoundingMode.CEILING);
    return mib.longValueExact();
  }

  /**
   * A Spark memory setting ("512m", "1g", "2048" = MiB) in MiB, as Spark's memoryStringToMb reads it: binary units,
   * no unit means MiB, rounded down.
   */
  static long sparkMiB(String value) {
    Matcher m = SPARK.matcher(value.trim().toLowerCase(Locale.ROOT));
    if (!m.matches()) {
      throw new IllegalArgumentException("not a Spark memory string: " + value);
    }
    long n = Long.parseLong(m.group(1));
    String unit = m.group(2) == null ? "m" : m.group(2).substring(0, 1);
    return switch (unit) {
      case "b" -> n / MIB;
      case "k" -> n / 1024L;
      case "m" -> n;
      case "g" -> n * 1024L;
      case "t" -> n * 1024L * 1024L;
      case "p" -> n * 1024L * 1024L * 1024L;
      default -> throw new IllegalArgumentException("not a Spark memory string: " + value);
    };
  }

  @Override
  public String toString() {
    return milliCpu + "m CPU, " + memoryMiB + " MiB";
  }
}
