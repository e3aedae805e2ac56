package io.jvcstreaming.simulator.http;

import io.jvcstreaming.simulator.Faults;

/**
 * Which injected fault answers a forum request, from one uniform roll in {@code [0, 1)}: the four fractions are
 * consecutive slices of the roll, in this order, so they are exclusive (see {@link Faults}).
 */
enum FaultRoll {
  DROP, CHALLENGE, ERROR_503, TOO_MANY, SERVE;

  static FaultRoll of(Faults faults, double roll) {
    if ((roll -= faults.drop()) < 0) {
      return DROP;
    }
    if ((roll -= faults.challenge()) < 0) {
      return CHALLENGE;
    }
    if ((roll -= faults.error503()) < 0) {
      return ERROR_503;
    }
    if ((roll -= faults.tooMany()) < 0) {
      return TOO_MANY;
    }
    return SERVE;
  }
}
