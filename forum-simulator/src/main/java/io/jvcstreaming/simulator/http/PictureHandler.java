package io.jvcstreaming.simulator.http;

import io.jvcstreaming.simulator.pictures.PictureCache;
import io.jvcstreaming.simulator.pictures.PicturePath;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo's sticker pictures: never faulted (they stand in for other hosts than the forum), drawn on a worker
 * on first use (image encoding is milliseconds of CPU), then cached; immutable, so browsers may keep them.
 */
final class PictureHandler {

  private static final Logger LOG = LoggerFactory.getLogger(PictureHandler.class);

  private final Vertx vertx;
  private final ReplySender sender;
  private final PictureCache pictures = new PictureCache();

  PictureHandler(Vertx vertx, ReplySender sender) {
    this.vertx = vertx;
    this.sender = sender;
  }

  void handle(HttpServerRequest req, String path) {
    Optional<String> identity = PicturePath.of(path);
    if (identity.isEmpty() || req.method() != HttpMethod.GET && req.method() != HttpMethod.HEAD) {
      sender.send(req, Reply.html(404, SpecialPages.notFound()));
      return;
    }
    vertx.executeBlocking(() -> pictures.png(identity.get())).onComplete(ar -> {
      if (ar.failed()) {
        LOG.warn("cannot draw the picture {}: {}", identity.get(), ar.cause().toString());
        sender.send(req, Reply.html(500, "<html><body>500</body></html>"));
        return;
      }
      req.response().putHeader("Cache-Control", "public, max-age=86400, immutable");
      sender.send(req, new Reply(200, Reply.headers("Content-Type", "image/png"), ar.result(), false, null, 0));
    });
  }
}
