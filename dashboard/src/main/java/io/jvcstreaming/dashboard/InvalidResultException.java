package io.jvcstreaming.dashboard;

/** A published batch result that is not the shape the Spark jobs emit; the message goes back in the 400. */
final class InvalidResultException extends Exception {

  private static final long serialVersionUID = 1L;

  public InvalidResultException(String message) {
    super(message);
  }
}
