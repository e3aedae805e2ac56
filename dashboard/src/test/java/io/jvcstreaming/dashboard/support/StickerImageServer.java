package io.jvcstreaming.dashboard.support;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * Stands in for image.noelshack.com and image.jeuxvideo.com in the browser test: the test browser has no
 * internet, so Chromium's resolver maps both hosts here ({@code --host-resolver-rules}) and a throw-away
 * self-signed certificate is accepted. The page, its CSP and its URLs stay exactly as in production; only
 * the pixels are local, so the screenshot shows pictures instead of placeholders. Each path gets its own
 * drawn face (no fonts needed, which a bare CI box may lack).
 */
public final class StickerImageServer implements AutoCloseable {

  private static final String PASSWORD = "changeit";

  private final HttpsServer server;

  public StickerImageServer(Path workDir) {
    try {
      Path keystore = workDir.resolve("stickers.p12");
      generateKeystore(keystore);
      KeyStore ks = KeyStore.getInstance("PKCS12");
      try (InputStream in = Files.newInputStream(keystore)) {
        ks.load(in, PASSWORD.toCharArray());
      }
      KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      kmf.init(ks, PASSWORD.toCharArray());
      SSLContext ssl = SSLContext.getInstance("TLS");
      ssl.init(kmf.getKeyManagers(), null, null);
      server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      server.setHttpsConfigurator(new HttpsConfigurator(ssl));
      server.createContext("/", exchange -> {
        byte[] png = draw(exchange.getRequestURI().getPath());
        exchange.getResponseHeaders().add("Content-Type", "image/png");
        exchange.sendResponseHeaders(200, png.length);
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(png);
        }
      });
      // Several threads: Chromium opens parallel connections and may leave one idle mid-handshake.
      server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(4));
      server.start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (Exception e) {
      throw new IllegalStateException("cannot start the local sticker image server", e);
    }
  }

  public int port() {
    return server.getAddress().getPort();
  }

  @Override
  public void close() {
    server.stop(0);
    ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
  }

  private static void generateKeystore(Path keystore) throws IOException, InterruptedException {
    Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
    Process p = new ProcessBuilder(keytool.toString(), "-genkeypair", "-alias", "stickers", "-keyalg", "RSA",
        "-keysize", "2048", "-validity", "2", "-dname", "CN=image.noelshack.com",
        "-ext", "SAN=dns:image.noelshack.com,dns:image.jeuxvideo.com",
        "-storetype", "PKCS12", "-keystore", keystore.toString(),
        "-storepass", PASSWORD, "-keypass", PASSWORD, "-noprompt")
        .redirectErrorStream(true).start();
    byte[] output = p.getInputStream().readAllBytes();
    if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new IOException("keytool failed: " + new String(output));
    }
  }

  /** A sticker-like smiley whose colours and expression depend on the path. */
  static byte[] draw(String path) throws IOException {
    int h = Math.abs(path.hashCode());
    int w = 160;
    BufferedImage img = new BufferedImage(w, 120, BufferedImage.TYPE_INT_ARGB);
    Graphics2D g = img.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    Color[] faces = {new Color(0xFFD34E), new Color(0xFF9F43), new Color(0x7BED9F), new Color(0x70A1FF),
        new Color(0xFF6B81), new Color(0xECCC68), new Color(0xA29BFE)};
    Color face = faces[h % faces.length];
    g.setColor(face.darker());
    g.fillOval(28, 8, 104, 104);
    g.setColor(face);
    g.fillOval(32, 10, 98, 98);
    g.setColor(new Color(0x2F3542));
    int eyeY = 40 + h % 8;
    if ((h >> 3) % 3 == 0) {
      g.setStroke(new BasicStroke(5, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
      g.drawArc(50, eyeY, 20, 14, 0, 180);
      g.drawArc(92, eyeY, 20, 14, 0, 180);
    } else {
      g.fillOval(54, eyeY, 14, 18);
      g.fillOval(94, eyeY, 14, 18);
    }
    g.setStroke(new BasicStroke(6, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
    switch ((h >> 5) % 3) {
      case 0 -> g.drawArc(52, 56, 58, 36, 200, 140);
      case 1 -> g.drawArc(56, 76, 50, 24, 20, 140);
      default -> g.fillOval(70, 70, 22, 22);
    }
    g.dispose();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(img, "png", out);
    return out.toByteArray();
  }
}
