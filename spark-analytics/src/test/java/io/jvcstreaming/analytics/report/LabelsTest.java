package io.jvcstreaming.analytics.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.jvcstreaming.analytics.report.ReportRow;
import org.junit.jupiter.api.Test;

class LabelsTest {

  @Test
  void stickerIdentifierIsTheFileNameWithoutExtension() {
    assertThat(Labels.stickerId("https://image.noelshack.com/fichiers/2026/48/3/1764100000-chat-content.jpg"))
        .isEqualTo("1764100000-chat-content");
    assertThat(Labels.stickerId("https://image.jeuxvideo.com/stickers/p/1kki")).isEqualTo("1kki");
    assertThat(Labels.stickerId("https://image.jeuxvideo.com/stickers/p/1kki/?v=2#x")).isEqualTo("1kki");
  }

  @Test
  void topicRowsAreKeyedByIdAndLabelledByTitle() {
    assertThat(Labels.TOPIC.row("77300123\tLe café du matin", 4))
        .isEqualTo(new ReportRow("77300123", "Le café du matin", 4));
    assertThat(Labels.PLAIN.row("Risitas", 2)).isEqualTo(new ReportRow("Risitas", null, 2));
  }
}
