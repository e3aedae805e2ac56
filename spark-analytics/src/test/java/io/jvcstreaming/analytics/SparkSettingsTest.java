package io.jvcstreaming.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import io.jvcstreaming.analytics.config.JobConfigLoader;
import java.util.Map;
import org.apache.spark.SparkConf;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

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
        "spark.streaming.blockInterval = '1500ms' from the checkpoint applies, not '250ms' asked for by this start",
        "spark.streaming.gracefulStopTimeout = '6000ms' from the checkpoint applies, not '20000ms' asked for by this"
            + " start");
  }

  @ParameterizedTest
  @CsvSource({"local[2], 1", "local[3], 2", "'local[4,2]', 3", "local, 1", "local[1], 1"})
  void localModeStatePartitionsAreTheCoresLeftOnceTheReceiverHasOne(String master, int partitions) {
    assertThat(SparkSettings.processingCores(master)).isEqualTo(partitions);
    SparkConf conf = SparkSettings.apply(new SparkConf(false).setMaster(master),
        JobConfigLoader.load(new String[] {"--job", "words"}, Map.of()));
    assertThat(conf.get("spark.default.parallelism")).isEqualTo(Integer.toString(partitions));
    assertThat(conf.get("spark.locality.wait")).isEqualTo("0s");
  }

  @Test
  void aClusterMasterKeepsSparksOwnParallelism() {
    SparkConf conf = SparkSettings.apply(new SparkConf(false).setMaster("k8s://https://kubernetes:443"),
        JobConfigLoader.load(new String[] {"--job", "words"}, Map.of()));
    assertThat(conf.contains("spark.default.parallelism")).isFalse();
    assertThat(conf.contains("spark.locality.wait")).isFalse();
  }

  @ParameterizedTest
  @CsvSource({"3s, 1500ms", "1s, 500ms", "200ms, 200ms", "10s, 5000ms"})
  void blocksAreCutEveryHalfBatch(String batch, String blockInterval) {
    SparkConf conf = SparkSettings.apply(new SparkConf(false),
        JobConfigLoader.load(new String[] {"--job", "words", "--batch", batch}, Map.of()));
    assertThat(conf.get("spark.streaming.blockInterval")).isEqualTo(blockInterval);
  }

  @Test
  void kryoTracksNoReferencesUnlessAsked() {
    assertThat(SparkSettings.apply(new SparkConf(false), JobConfigLoader.load(new String[] {"--job", "words"},
        Map.of())).get("spark.kryo.referenceTracking")).isEqualTo("false");
    assertThat(SparkSettings.apply(new SparkConf(false).set("spark.kryo.referenceTracking", "true"),
        JobConfigLoader.load(new String[] {"--job", "words"}, Map.of())).get("spark.kryo.referenceTracking"))
        .isEqualTo("true");
  }
}
