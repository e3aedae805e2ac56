package io.jvcstreaming.config;

/**
 * A module's settings are an enum implementing this: one constant per setting, each with its {@link Spec}, the one
 * place a setting is named, defaulted and explained. {@link Settings} reads them, {@code --help} and the start-up log
 * are generated from them, and each module's README table is checked against them.
 */
public interface Key {

  Spec spec();

  /** The error for a bad value: names the flag and the variable, what is accepted, and what was given. */
  default ConfigException invalid(String accepted, Object got) {
    return ConfigException.invalid(spec(), accepted, got);
  }
}
