package io.jvcstreaming.simulator.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jvcstreaming.simulator.Faults;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The {@code POST /_control} body: line in, command out (moderation lists here; faults keep absent fields). */
class ControlCommandTest {

  private record Row(String body, List<Long> deleteTopics, List<Long> deleteMessages, List<Long> restoreTopics) {
  }

  @Test
  void moderationOrders() {
    Stream.of(
        new Row("{}", List.of(), List.of(), List.of()),
        new Row("{\"deleteTopics\":[7,8]}", List.of(7L, 8L), List.of(), List.of()),
        new Row("{\"deleteMessages\":[9]}", List.of(), List.of(9L), List.of()),
        new Row("{\"restoreTopics\":[77012388]}", List.of(), List.of(), List.of(77012388L)),
        new Row("{\"deleteTopics\":[1],\"restoreTopics\":[1,2]}", List.of(1L), List.of(), List.of(1L, 2L)),
        new Row("{\"restoreTopics\":[]}", List.of(), List.of(), List.of())
    ).forEach(row -> {
      ControlCommand c = parse(row.body());
      assertThat(c.deleteTopics()).as(row.body()).isEqualTo(row.deleteTopics());
      assertThat(c.deleteMessages()).as(row.body()).isEqualTo(row.deleteMessages());
      assertThat(c.restoreTopics()).as(row.body()).isEqualTo(row.restoreTopics());
      assertThat(c.faults()).as("faults untouched by moderation orders: " + row.body()).isEqualTo(Faults.NONE);
    });
  }

  @Test
  void badRestoreListsAreRefusedWithTheFieldNamed() {
    Stream.of("{\"restoreTopics\":7}", "{\"restoreTopics\":[\"7\"]}", "{\"restoreTopics\":[1.5]}").forEach(body ->
        assertThatThrownBy(() -> parse(body)).as(body).isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("restoreTopics"));
    assertThatThrownBy(() -> parse("{\"undeleteTopics\":[1]}")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("restoreTopics");
  }

  private static ControlCommand parse(String body) {
    return ControlCommand.parse(body.getBytes(StandardCharsets.UTF_8), Faults.NONE);
  }
}
