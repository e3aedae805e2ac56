package io.jvcstreaming.analytics.receive;

/**
 * The {@link ReceiverSession}'s tally of every decision that lost, doubled or dropped posts, across the
 * connections of one session: read by the tests, and printed in the session's messages ({@link #toString()}).
 * Not thread-safe: one receiver thread.
 */
final class SessionCounters {

  long discardedBeforeAnswer;
  long duplicates;
  long replayed;
  long gaps;
  long missingSeqs;
  long lostTooOld;
  long streamChanges;
  long beyondHead;
  long afterLive;
  long handshakeTimeouts;

  /** The counters, for messages: {@code [gaps=.. missing=.. ...]}. */
  @Override
  public String toString() {
    return "[duplicates=" + duplicates + " replayed=" + replayed + " gaps=" + gaps + " missingSeqs=" + missingSeqs
        + " lostTooOld=" + lostTooOld + " streamChanges=" + streamChanges + " beyondHead=" + beyondHead
        + " afterLive=" + afterLive + " discardedBeforeAnswer=" + discardedBeforeAnswer + " handshakeTimeouts="
        + handshakeTimeouts + "]";
  }

  long discardedBeforeAnswer() {
    return discardedBeforeAnswer;
  }

  long duplicates() {
    return duplicates;
  }

  long replayed() {
    return replayed;
  }

  long gaps() {
    return gaps;
  }

  long missingSeqs() {
    return missingSeqs;
  }

  long lostTooOld() {
    return lostTooOld;
  }

  long streamChanges() {
    return streamChanges;
  }

  long beyondHead() {
    return beyondHead;
  }

  long afterLive() {
    return afterLive;
  }

  long handshakeTimeouts() {
    return handshakeTimeouts;
  }
}
