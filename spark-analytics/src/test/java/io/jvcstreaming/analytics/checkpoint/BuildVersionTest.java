package io.jvcstreaming.analytics.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class BuildVersionTest {

  @Test
  void theMavenBuildWroteTheVersionOfTheseClasses() {
    // written at process-classes by src/build/WriteBuildVersion.java: tests run on the classes it hashed
    assertThat(BuildVersion.current()).matches("1\\.0\\.0-SNAPSHOT-spark3\\.5\\.\\d+-[0-9a-f]{12}");
  }

  @Test
  void aPathSegmentFromItsParts() {
    assertThat(BuildVersion.of("1.2.0", "3.5.8", "0123456789ABCDEF00")).isEqualTo("1.2.0-spark3.5.8-0123456789ab");
    assertThat(BuildVersion.of("1.2/0 x", "3.5.8", "0123456789abcdef")).isEqualTo("1.2_0_x-spark3.5.8-0123456789ab");
    assertThatThrownBy(() -> BuildVersion.of("${project.version}", "3.5.8", "0123456789abcdef"))
        .hasMessageContaining("rebuild with Maven");
    assertThatThrownBy(() -> BuildVersion.of("1.0", "3.5.8", null)).hasMessageContaining("incomplete");
  }
}
