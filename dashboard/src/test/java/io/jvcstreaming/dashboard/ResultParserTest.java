package io.jvcstreaming.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ResultParserTest {

  private static final Instant NOW = Instant.parse("2026-11-25T20:05:00Z");

  private static JsonObject parse(String json) throws InvalidResultException {
    return ResultParser.parse(Buffer.buffer(json), NOW);
  }

  @Test
  void acceptsIsoAndEpochBatchTimesAndDropsUnknownFields() throws Exception {
    JsonObject iso = parse("{\"job\":\"authors\",\"batchTime\":\"2026-11-25T21:04:33Z\",\"posts\":123,"
        + "\"top\":[{\"key\":\"PetitNuage_42\",\"count\":42,\"extra\":1}],\"matches\":[{}],\"whatever\":true}");
    assertThat(iso.getString("batchTime")).isEqualTo("2026-11-25T21:04:33Z");
    assertThat(iso.getLong("posts")).isEqualTo(123L);
    assertThat(iso.getJsonArray("top").getJsonObject(0).encode()).isEqualTo("{\"key\":\"PetitNuage_42\",\"count\":42}");
    assertThat(iso.fieldNames()).containsExactlyInAnyOrder("job", "batchTime", "posts", "top", "receivedAt");

    JsonObject epoch = parse("{\"job\":\"words-trending\",\"batchTime\":1795637073000,\"posts\":0,"
        + "\"totalPosts\":10,\"windowMillis\":60000,\"top\":[]}");
    assertThat(epoch.getString("batchTime")).isEqualTo("2026-11-25T20:04:33Z");
    assertThat(epoch.getLong("totalPosts")).isEqualTo(10L);
    assertThat(epoch.getLong("windowMillis")).isEqualTo(60000L);

    JsonObject offset = parse("{\"job\":\"topics\",\"batchTime\":\"2026-11-25T21:04:33+01:00\",\"posts\":1,"
        + "\"top\":[{\"key\":\"77300123\",\"label\":\"Le café\",\"count\":3}]}");
    assertThat(offset.getString("batchTime")).isEqualTo("2026-11-25T20:04:33Z");
    assertThat(offset.getJsonArray("top").getJsonObject(0).getString("label")).isEqualTo("Le café");
  }

  @Test
  void flagsStickerUrlsFromOtherHosts() throws Exception {
    JsonObject r = parse("{\"job\":\"stickers\",\"batchTime\":1,\"posts\":2,\"top\":["
        + "{\"key\":\"https://image.noelshack.com/fichiers/2026/48/3/1764100000-chat.png\",\"count\":5},"
        + "{\"key\":\"https://image.jeuxvideo.com/stickers/p/st/1kki\",\"count\":4},"
        + "{\"key\":\"https://evil.example/x.png\",\"count\":3},"
        + "{\"key\":\"javascript:alert(1)\",\"count\":2}]}");
    assertThat(r.getJsonArray("top").stream().map(o -> ((JsonObject) o).getBoolean("image")))
        .containsExactly(true, true, false, false);
  }

  @Test
  void rejectsBadJsonWithAClearMessage() {
    assertThatThrownBy(() -> parse("{not json")).isInstanceOf(InvalidResultException.class)
        .hasMessageStartingWith("not a JSON object");
    assertThatThrownBy(() -> parse("[1,2]")).hasMessageStartingWith("not a JSON object");
    assertThatThrownBy(() -> parse("")).hasMessageStartingWith("empty body");
  }

  @Test
  void rejectsMissingOrWrongFields() {
    assertThatThrownBy(() -> parse("{\"batchTime\":1,\"posts\":1,\"top\":[]}")).hasMessageContaining("'job'");
    assertThatThrownBy(() -> parse("{\"job\":\"<script>\",\"batchTime\":1,\"posts\":1,\"top\":[]}"))
        .hasMessageContaining("'job'");
    assertThatThrownBy(() -> parse("{\"job\":\"a\",\"posts\":1,\"top\":[]}")).hasMessageContaining("'batchTime'");
    assertThatThrownBy(() -> parse("{\"job\":\"a\",\"batchTime\":\"yesterday\",\"posts\":1,\"top\":[]}"))
        .hasMessageContaining("'batchTime'");
    assertThatThrownBy(() -> parse("{\"job\":\"a\",\"batchTime\":1,\"top\":[]}")).hasMessageContaining("'posts'");
    assertThatThrownBy(() -> parse("{\"job\":\"a\",\"batchTime\":1,\"posts\":-1,\"top\":[]}"))
        .hasMessageContaining("'posts'");
    assertThatThrownBy(() -> parse("{\"job\":\"a\",\"batchTime\":1,\"posts\":1}")).hasMessageContaining("'top'");
    assertThatThrownBy(() -> parse("{\"job\":\"a\",\"batchTime\":1,\"posts\":1,\"top\":[{\"key\":\"x\"}]}"))
        .hasMessageContaining("top[0].count");
    assertThatThrownBy(() -> parse("{\"job\":\"a\",\"batchTime\":1,\"posts\":1,\"top\":[{\"count\":1}]}"))
        .hasMessageContaining("top[0].key");
    assertThatThrownBy(() -> parse("{\"job\":\"a\",\"batchTime\":1,\"posts\":1,\"top\":[{\"key\":\"x\",\"count\":1.5}]}"))
        .hasMessageContaining("top[0].count");
    assertThatThrownBy(() -> parse("{\"job\":\"a\",\"batchTime\":1,\"posts\":1,\"top\":[3]}"))
        .hasMessageContaining("top[0]");
  }

  @Test
  void boundsRowsAndKeys() {
    StringBuilder many = new StringBuilder("{\"job\":\"a\",\"batchTime\":1,\"posts\":1,\"top\":[");
    for (int i = 0; i <= ResultParser.MAX_ROWS; i++) {
      many.append(i == 0 ? "" : ",").append("{\"key\":\"k").append(i).append("\",\"count\":1}");
    }
    assertThatThrownBy(() -> parse(many.append("]}").toString())).hasMessageContaining("at most 500 rows");
    String longKey = "x".repeat(ResultParser.MAX_KEY_CHARS + 1);
    assertThatThrownBy(() -> parse("{\"job\":\"a\",\"batchTime\":1,\"posts\":1,\"top\":[{\"key\":\"" + longKey
        + "\",\"count\":1}]}")).hasMessageContaining("top[0].key");
  }

  @Test
  void keepsATrendingRowsScoreAndRefusesABadOne() throws Exception {
    JsonObject r = parse("{\"job\":\"words-trending\",\"batchTime\":1,\"posts\":2,\"windowMillis\":600000,"
        + "\"top\":[{\"key\":\"khey\",\"count\":6,\"score\":0.5455},{\"key\":\"ahi\",\"count\":9}]}");
    assertThat(r.getJsonArray("top").getJsonObject(0).getDouble("score")).isEqualTo(0.5455);
    assertThat(r.getJsonArray("top").getJsonObject(1).containsKey("score")).isFalse();
    assertThatThrownBy(() -> parse("{\"job\":\"words-trending\",\"batchTime\":1,\"posts\":2,"
        + "\"top\":[{\"key\":\"khey\",\"count\":6,\"score\":\"high\"}]}"))
        .hasMessageContaining("top[0].score: expected a number in 0..1");
    assertThatThrownBy(() -> parse("{\"job\":\"words-trending\",\"batchTime\":1,\"posts\":2,"
        + "\"top\":[{\"key\":\"khey\",\"count\":6,\"score\":7}]}"))
        .hasMessageContaining("top[0].score");
  }
}
