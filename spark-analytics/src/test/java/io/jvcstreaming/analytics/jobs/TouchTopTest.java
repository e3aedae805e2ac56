package io.jvcstreaming.analytics.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.HashPartitioner;
import org.junit.jupiter.api.Test;
import scala.Tuple2;

class TouchTopTest {

  @Test
  void eachZeroGoesToThePartitionItsKeyHashesTo() throws Exception {
    HashPartitioner partitioner = new HashPartitioner(3);
    List<String> keys = List.of("Big", "Risitas", "Kheyou", "AYAAA", "éléphant");
    TouchTop.AppendZeros append = new TouchTop.AppendZeros(keys, partitioner);
    List<String> seen = new ArrayList<>();
    for (int p = 0; p < 3; p++) {
      List<Tuple2<String, Long>> batch = List.of(new Tuple2<>("data-" + p, 7L));
      List<Tuple2<String, Long>> out = new ArrayList<>();
      append.call(p, batch.iterator()).forEachRemaining(out::add);
      assertThat(out.get(0)).as("the batch's own pairs first, unchanged").isEqualTo(batch.get(0));
      for (Tuple2<String, Long> z : out.subList(1, out.size())) {
        assertThat(z._2()).isZero();
        assertThat(partitioner.getPartition(z._1())).isEqualTo(p);
        seen.add(z._1());
      }
    }
    assertThat(seen).containsExactlyInAnyOrderElementsOf(keys);
  }
}
