package io.jvcstreaming.analytics.receive;

import io.jvcstreaming.analytics.receive.ReceiverSession.Decision;
import io.jvcstreaming.codec.MalformedLineException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the receiver tells operators about the lines it reads: the session's decisions at their level, and the
 * skipped lines (malformed, over-long) and gaps, one by one up to {@value NdjsonReceiver#REPORT_ALL_UP_TO}, then
 * one per {@value NdjsonReceiver#REPORT_EVERY}, to the log and to the Spark UI. Lives as long as the receiver
 * instance (across its connections and Spark's {@code restart()}).
 */
final class ReceiverLog {

  // the receiver's logger: the log lines stay where operators look for them
  private static final Logger LOG = LoggerFactory.getLogger(NdjsonReceiver.class);

  private final NdjsonReceiver receiver;
  private long malformed;
  private long tooLong;
  private long gapReports;

  ReceiverLog(NdjsonReceiver receiver) {
    this.receiver = receiver;
  }

  void log(Decision d) {
    switch (d.level()) {
      case ERROR -> {
        LOG.error("receiver {}: {}", receiver.streamId(), d.message());
        receiver.reportError(d.message(), null);
      }
      case WARN -> LOG.warn("receiver {}: {}", receiver.streamId(), d.message());
      case INFO -> LOG.info("receiver {}: {}", receiver.streamId(), d.message());
      case DEBUG -> LOG.debug("receiver {}: {}", receiver.streamId(), d.message());
    }
  }

  /** A post's decision: only its errors (gaps) are logged, and those thinned out past the first ones. */
  void postDecision(Decision d) {
    if (d.level() == ReceiverSession.Level.ERROR) {
      gapReports++;
      if (gapReports <= NdjsonReceiver.REPORT_ALL_UP_TO || gapReports % NdjsonReceiver.REPORT_EVERY == 0) {
        log(d);
      }
    }
  }

  void tooLong(long discardedBytes, int maxLineBytes) {
    tooLong++;
    report("over-long line skipped (" + discardedBytes + " bytes > limit " + maxLineBytes + ")", null);
  }

  void malformed(MalformedLineException e) {
    malformed++;
    report("malformed line skipped: " + e.getMessage(), e);
  }

  private void report(String what, Throwable cause) {
    long errors = malformed + tooLong;
    String message = what + " [malformed=" + malformed + " tooLong=" + tooLong + "]";
    if (errors <= NdjsonReceiver.REPORT_ALL_UP_TO || errors % NdjsonReceiver.REPORT_EVERY == 0) {
      LOG.warn("receiver {}: {}", receiver.streamId(), message);
      receiver.reportError(message, cause);
    }
  }
}
