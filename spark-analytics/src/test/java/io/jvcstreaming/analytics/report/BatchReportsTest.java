package io.jvcstreaming.analytics.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.jvcstreaming.analytics.state.ByCountDesc;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import scala.Tuple2;

class BatchReportsTest {

  @Test
  @DisplayName("per partition, each report keeps the same top N a full sort gives (ties by key); totals and matches are never cut")
  void topPerTagKeepsExactlyTheFullSortsTopN() throws Exception {
    Random random = new Random(1);
    List<Tuple2<Integer, Tuple2<String, Long>>> input = new ArrayList<>();
    for (int i = 0; i < 2_000; i++) {
      int tag = random.nextInt(3);
      input.add(new Tuple2<>(tag, new Tuple2<>("k" + random.nextInt(500), (long) random.nextInt(20)))); // many ties
    }
    input.add(new Tuple2<>(BatchReports.TOTALS, new Tuple2<>(BatchReports.BATCH, 5L)));
    input.add(new Tuple2<>(BatchReports.TOTALS, new Tuple2<>(BatchReports.TOTAL, 9L)));
    for (long seq = 1; seq <= 12; seq++) { // more matched posts than N: every one is printed
      input.add(new Tuple2<>(BatchReports.MATCHES, new Tuple2<>("{\"seq\":" + seq + "}", seq)));
    }

    List<Tuple2<Integer, Tuple2<String, Long>>> kept = new ArrayList<>();
    new BatchReports.TopPerTag(7).call(input.iterator()).forEachRemaining(kept::add);

    for (int tag = 0; tag < 3; tag++) {
      assertThat(sortedOf(kept, tag)).as("tag %d", tag).isEqualTo(sortedOf(input, tag).subList(0, 7));
    }
    assertThat(sortedOf(kept, BatchReports.TOTALS)).hasSize(2);
    assertThat(sortedOf(kept, BatchReports.MATCHES)).hasSize(12);
  }

  private static List<Tuple2<String, Long>> sortedOf(List<Tuple2<Integer, Tuple2<String, Long>>> tagged, int tag) {
    List<Tuple2<String, Long>> out = new ArrayList<>();
    for (Tuple2<Integer, Tuple2<String, Long>> t : tagged) {
      if (t._1() == tag) {
        out.add(t._2());
      }
    }
    out.sort(ByCountDesc.INSTANCE);
    return out;
  }
}
