package io.jvcstreaming.dashboard.support;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.jvcstreaming.simulator.pictures.PictureCache;
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
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * Stands in for image.noelshack.com and image.jeuxvideo.com in the browser test: the test browser has no
 * internet, so Chromium's resolver maps both hosts here ({@code --host-resolver-rules}) and a throw-away
 * self-signed certificate is accepted. The page, its CSP and its URLs stay exactly as in production; only
 * the pixels are local, so the screenshot shows pictures instead of placeholders. Each URL gets the face the
 * offline demo's simulator draws for it.
 */
public final class StickerImageServer implements AutoCloseable {

  private static final String PASSWORD = "changeit";
  private static final PictureCache PICTURES = new PictureCache();

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
        String host = String.valueOf(exchange.getRequestHeaders().getFirst("Host")).replaceFirst(":\\d+$", "");
        byte[] png = draw(host, exchange.getRequestURI().getPath());
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

  /** The offline demo's picture of {@code host/path} (the simulator's drawing): one face per URL. */
  static byte[] draw(String host, String path) {
    return PICTURES.png(host + path);
  }
}
