package io.jvcstreaming.scraper;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;

/** Netty's JFR events are off by default, and a user's own setting is kept. */
@ResourceLock(Resources.SYSTEM_PROPERTIES)
class NettyDefaultsTest {

  private String before;

  @BeforeEach
  void save() {
    before = System.getProperty(NettyDefaults.JFR_EVENTS);
  }

  @AfterEach
  void restore() {
    if (before == null) {
      System.clearProperty(NettyDefaults.JFR_EVENTS);
    } else {
      System.setProperty(NettyDefaults.JFR_EVENTS, before);
    }
  }

  @Test
  void jfrEventsAreOffUnlessAskedFor() {
    System.clearProperty(NettyDefaults.JFR_EVENTS);
    NettyDefaults.apply();
    assertThat(System.getProperty(NettyDefaults.JFR_EVENTS)).isEqualTo("false");
  }

  @Test
  void aUsersSettingWins() {
    System.setProperty(NettyDefaults.JFR_EVENTS, "true");
    NettyDefaults.apply();
    assertThat(System.getProperty(NettyDefaults.JFR_EVENTS)).isEqualTo("true");
  }
}
