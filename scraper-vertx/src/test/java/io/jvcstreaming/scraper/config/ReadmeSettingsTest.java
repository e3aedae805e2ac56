package io.jvcstreaming.scraper.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.jvcstreaming.config.SettingsTable;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The README's configuration table is the user's contract: it must say what the code does. */
class ReadmeSettingsTest {

  @Test
  void everySettingIsDocumentedWithItsVariableAndDefault() throws Exception {
    String readme = Files.readString(Path.of("..", "README.md"));
    assertThat(SettingsTable.problems(readme, Setting.class)).isEmpty();
  }
}
