package io.jvcstreaming.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import io.jvcstreaming.analytics.config.JobConfigLoader;
import java.util.Map;
import org.apache.spark.SparkConf;
import org.junit.jupiter.api.Test;

class SparkSettingsTest {

  @Test
  void frozenDifferencesNameEveryKeyThatDiffers() {
    SparkConf recovered = SparkSettings.apply(new SparkConf(false),
        JobConfigLoader.load(new String[] {"--job", "authors"}, Map.of()));
    SparkConf same = SparkSettings.apply(new SparkConf(false),
        JobConfigLoader.load(new String[] {"--job", "authors", "--top", "3"}, Map.of()));
    assertThat(SparkSettings.frozenDifferences(recovered, same)).isEmpty();

    SparkConf changed = SparkSettings.apply(new SparkConf(false).set("spark.streaming.blockInterval", "250ms"),
        JobConfigLoader.load(new String[] {"--job", "authors", "--batch", "10s", "--window", "10m"}, Map.of()));
    assertThat(SparkSettings.frozenDifferences(recovered, changed)).containsExactly(
        "spark.streaming.blockInterval = '1000ms' from the checkpoint applies, not '250ms' asked for by this start",
        "spark.streaming.gracefulStopTimeout = '6000ms' from the checkpoint applies, not '20000ms' asked for by this"
            + " start");
  }
}
