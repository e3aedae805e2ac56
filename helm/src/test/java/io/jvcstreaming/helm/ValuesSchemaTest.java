package io.jvcstreaming.helm;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** values.schema.json (and the template's cross-field checks) refuse impossible values with a clear message. */
class ValuesSchemaTest {

  private static String oneJob(String executor) {
    return """
        jobs:
          - name: stickers
            job: stickers
            driver: {cores: 1, memory: 512m}
            executor: %s
        """.formatted(executor);
  }

  @Test
  @DisplayName("refuses one executor core for one instance: the receiver would take the only core")
  void refusesNoCoreBesideTheReceiver() {
    String error = Chart.renderError(oneJob("{cores: 1, instances: 1, memory: 1g}"));
    assertThat(error).contains("/jobs/0/executor/instances").contains("minimum");
  }

  @Test
  @DisplayName("accepts one core per executor with two executors")
  void acceptsTwoSingleCoreExecutors() {
    assertThat(Chart.renderYaml(oneJob("{cores: 1, instances: 2, memory: 1g}"))).contains("instances: 2");
  }

  @Test
  @DisplayName("refuses zero cores, a string for cores, and a memory Spark cannot parse")
  void refusesImpossibleResources() {
    assertThat(Chart.renderError(oneJob("{cores: 0, instances: 1, memory: 1g}"))).contains("/jobs/0/executor/cores");
    assertThat(Chart.renderError(oneJob("{cores: \"2\", instances: 1, memory: 1g}")))
        .contains("/jobs/0/executor/cores");
    assertThat(Chart.renderError(oneJob("{cores: 2, instances: 1, memory: 1GB}")))
        .contains("/jobs/0/executor/memory");
  }

  @Test
  @DisplayName("refuses an unknown job, an invalid job name and a misspelt key")
  void refusesBadJobs() {
    assertThat(Chart.renderError("""
        jobs:
          - {name: x, job: emojis, driver: {cores: 1, memory: 1g}, executor: {cores: 2, instances: 1, memory: 1g}}
        """)).contains("/jobs/0/job");
    assertThat(Chart.renderError("""
        jobs:
          - {name: My_Job, job: words, driver: {cores: 1, memory: 1g}, executor: {cores: 2, instances: 1, memory: 1g}}
        """)).contains("/jobs/0/name");
    assertThat(Chart.renderError("""
        jobs:
          - {name: w, job: words, driver: {cores: 1, memory: 1g}, executor: {cores: 2, instance: 1, memory: 1g}}
        """)).contains("instance");
    assertThat(Chart.renderError("scraper:\n  replica: 2\n")).contains("replica");
  }

  @Test
  @DisplayName("refuses a pseudo job that follows nobody: it would fail at start and restart forever")
  void refusesAPseudoJobWithoutPseudos() {
    assertThat(Chart.renderError("""
        jobs:
          - {name: p, job: pseudo, driver: {cores: 1, memory: 1g}, executor: {cores: 2, instances: 1, memory: 1g}}
        """)).contains("/jobs/0").contains("pseudo");
    assertThat(Chart.renderError("""
        jobs:
          - {name: p, job: pseudo, pseudo: [], driver: {cores: 1, memory: 1g}, executor: {cores: 2, instances: 1, memory: 1g}}
        """)).contains("/jobs/0/pseudo");
    assertThat(Chart.renderYaml("""
        jobs:
          - {name: p, job: pseudo, pseudo: [Khey], driver: {cores: 1, memory: 1g}, executor: {cores: 2, instances: 1, memory: 1g}}
        """)).contains("--pseudo").contains("Khey");
  }

  @Test
  @DisplayName("refuses two jobs with the same name, listing the problem once")
  void refusesDuplicateJobNames() {
    String error = Chart.renderError("""
        jobs:
          - {name: w, job: words, driver: {cores: 1, memory: 1g}, executor: {cores: 2, instances: 1, memory: 1g}}
          - {name: w, job: authors, driver: {cores: 1, memory: 1g}, executor: {cores: 2, instances: 1, memory: 1g}}
        """);
    assertThat(error).contains("VALUES VALIDATION").contains("jobs[1].name \"w\" is used twice");
  }

  @Test
  @DisplayName("refuses a bad restart policy, durations and sparkConf numbers")
  void refusesBadSparkSettings() {
    assertThat(Chart.renderError("spark:\n  restartPolicy:\n    type: Sometimes\n")).contains("/spark/restartPolicy");
    assertThat(Chart.renderError("spark:\n  restartPolicy:\n    onFailureRetryInterval: 0\n"))
        .contains("onFailureRetryInterval");
    assertThat(Chart.renderError("spark:\n  batch: 3 seconds\n")).contains("/spark/batch");
    assertThat(Chart.renderError("spark:\n  sparkConf:\n    spark.executor.instances: 2\n"))
        .contains("spark.executor.instances");
    assertThat(Chart.renderError("spark:\n  sparkConf:\n    spark.master: local[2]\n")).contains("spark.master");
  }

  @Test
  @DisplayName("refuses a disabled Redis without an external one")
  void refusesNoRedis() {
    assertThat(Chart.renderError("redis:\n  enabled: false\n")).contains("externalRedis");
  }

  @Test
  @DisplayName("refuses impossible scraper settings")
  void refusesBadScraperSettings() {
    assertThat(Chart.renderError("scraper:\n  replicas: 0\n")).contains("/scraper/replicas");
    assertThat(Chart.renderError("scraper:\n  backfillPages: some\n")).contains("/scraper/backfillPages");
    assertThat(Chart.renderError("scraper:\n  streamPort: 70000\n")).contains("/scraper/streamPort");
    assertThat(Chart.renderError("scraper:\n  fetcher:\n    rate: 0\n")).contains("/scraper/fetcher/rate");
  }
}
