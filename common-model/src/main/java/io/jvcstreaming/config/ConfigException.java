package io.jvcstreaming.config;

/** A bad setting, found at start; the message names the flag and the variable and says what is accepted. */
public class ConfigException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  public ConfigException(String message) {
    super(message);
  }

  public static ConfigException invalid(Spec spec, String accepted, Object got) {
    String shown = got == null ? "" : spec.isSecret() ? "(hidden)" : String.valueOf(got);
    return new ConfigException("invalid " + spec.names() + ": expected " + accepted + ", got '" + shown + "'");
  }
}
