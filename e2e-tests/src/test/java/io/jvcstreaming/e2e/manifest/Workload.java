package io.jvcstreaming.e2e.manifest;

import java.util.List;
import java.util.Map;

/**
 * One container of the rendered chart (a Deployment's or StatefulSet's pod, or a SparkApplication's driver) or one
 * compose service, as the manifest describes it, before any local mapping.
 *
 * @param name       pod / service name (a SparkApplication: its name)
 * @param image      the image reference
 * @param entrypoint k8s {@code command} / compose {@code entrypoint}; null = the image's
 * @param args       k8s {@code args} / compose {@code command}; null = the image's
 * @param env        the environment the manifest gives, already resolved (ConfigMaps, Secrets, field refs), in order
 * @param ports      container ports (name → number; unnamed ones under their number)
 * @param probes     readiness/liveness probes or the compose healthcheck
 * @param mounts     mount path → volume key (pods of one volume key share one directory)
 * @param dependsOn  compose {@code depends_on}: service → condition; chart: empty (k8s has no start order)
 * @param memoryLimit the container's memory limit in bytes, or 0
 * @param spark      the driver of a SparkApplication, or null
 */
record Workload(String name, String image, List<String> entrypoint, List<String> args, Map<String, String> env,
                Map<String, Integer> ports, List<Probe> probes, Map<String, String> mounts,
                Map<String, String> dependsOn, long memoryLimit, Spark spark) {

  /**
   * What the Spark operator turns into a driver: main class, arguments, sparkConf, driver JVM options, and the task
   * memory (its -Xmx), and the task
   * slots the executors would offer (executor cores × instances; local mode gets that many threads).
   */
  record Spark(String mainClass, String mainApplicationFile, List<String> arguments, Map<String, String> sparkConf,
               List<String> javaOptions, String driverMemory, int slots) {
  }
}
