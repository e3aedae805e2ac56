package io.jvcstreaming.simulator.model;

/** A poster. A deleted account keeps posting history but shows as {@value #DELETED_PSEUDO}. */
public record Author(String pseudo, boolean deletedAccount) {

  public static final String DELETED_PSEUDO = "Pseudo supprimé";

  public static final Author DELETED = new Author(DELETED_PSEUDO, true);

  public String displayed() {
    return deletedAccount ? DELETED_PSEUDO : pseudo;
  }
}
