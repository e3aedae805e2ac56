package io.jvcstreaming.simulator.pictures;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Drawn pictures by identity, the {@value #KEEP} most recently served: a demo shows a few dozen stickers, and a
 * NoelShack URL per upload would otherwise grow without bound. Thread-safe (the HTTP workers share it).
 */
public final class PictureCache {

  static final int KEEP = 512;

  private final Map<String, byte[]> pictures = new LinkedHashMap<>(64, 0.75f, true) {
    private static final long serialVersionUID = 1L;

    @Override
    protected boolean removeEldestEntry(Map.Entry<String, byte[]> eldest) {
      return size() > KEEP;
    }
  };

  /** The PNG of a picture identity ({@link PicturePath#of}), drawn on first use. */
  public synchronized byte[] png(String identity) {
    return pictures.computeIfAbsent(identity, PictureDrawer::png);
  }
}
