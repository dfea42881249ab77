package io.sigmap.correlate;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/** Validation helpers for option records; messages name the setting. */
final class Checks {

  private Checks() {
  }

  static Duration nonNegative(Duration d, String setting) {
    Objects.requireNonNull(d, setting);
    if (d.isNegative()) {
      throw new IllegalArgumentException(setting + " must not be negative: " + d);
    }
    return d;
  }

  static Duration positive(Duration d, String setting) {
    Objects.requireNonNull(d, setting);
    if (d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException(setting + " must be positive: " + d);
    }
    return d;
  }

  static int atLeast(int value, int min, String setting) {
    if (value < min) {
      throw new IllegalArgumentException(
          String.format(Locale.ROOT, "%s must be at least %d: %d", setting, min, value));
    }
    return value;
  }

  static double inRange(double value, double min, double max, String setting) {
    if (!(value >= min && value <= max)) {
      throw new IllegalArgumentException(
          String.format(Locale.ROOT, "%s must be in [%s, %s]: %s", setting, min, max, value));
    }
    return value;
  }
}
