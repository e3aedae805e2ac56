package io.jvcstreaming.codec;

/** A line of the stream that is not a valid post; the reader skips it and counts it. */
public final class MalformedLineException extends Exception {

  private static final long serialVersionUID = 1L;

  public MalformedLineException(String message) {
    super(message);
  }

  public MalformedLineException(String message, Throwable cause) {
    super(message, cause);
  }
}
