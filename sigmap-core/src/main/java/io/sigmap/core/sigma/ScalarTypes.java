package io.sigmap.core.sigma;

import java.util.OptionalLong;
import java.util.regex.Pattern;

/**
 * Resolves the YAML 1.1 type of plain scalars as PyYAML's {@code SafeLoader} does (the Sigma tool chain is
 * Python), except timestamps, which stay strings. A first-character test keeps the regular expressions off the
 * common path (field names and values that start with a letter).
 */
final class ScalarTypes {

  private static final Pattern FLOAT = Pattern.compile(
      "[-+]?[0-9][0-9_]*\\.[0-9_]*(?:[eE][-+][0-9]+)?"
          + "|\\.[0-9][0-9_]*(?:[eE][-+][0-9]+)?"
          + "|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\\.[0-9_]*"
          + "|[-+]?\\.(?:inf|Inf|INF)"
          + "|\\.(?:nan|NaN|NAN)");

  private static final Pattern INT = Pattern.compile(
      "[-+]?0b[0-1_]+"
          + "|[-+]?0[0-7_]+"
          + "|[-+]?(?:0|[1-9][0-9_]*)"
          + "|[-+]?0x[0-9a-fA-F_]+"
          + "|[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+");

  private ScalarTypes() {}

  /** Returns the type of a plain (unquoted, untagged) scalar. */
  static SigmaValue.ScalarType resolvePlain(String s) {
    if (s.isEmpty()) {
      return SigmaValue.ScalarType.NULL;
    }
    char c = s.charAt(0);
    switch (c) {
      case '~':
        return s.length() == 1 ? SigmaValue.ScalarType.NULL : SigmaValue.ScalarType.STRING;
      case 'n': case 'N':
        if (s.equals("null") || s.equals("Null") || s.equals("NULL")) {
          return SigmaValue.ScalarType.NULL;
        }
        return isBool(s) ? SigmaValue.ScalarType.BOOLEAN : SigmaValue.ScalarType.STRING;
      case 'y': case 'Y': case 't': case 'T': case 'f': case 'F': case 'o': case 'O':
        return isBool(s) ? SigmaValue.ScalarType.BOOLEAN : SigmaValue.ScalarType.STRING;
      case '-': case '+': case '.':
      case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7': case '8': case '9':
        if (INT.matcher(s).matches()) {
          return SigmaValue.ScalarType.INTEGER;
        }
        return FLOAT.matcher(s).matches() ? SigmaValue.ScalarType.FLOAT : SigmaValue.ScalarType.STRING;
      default:
        return SigmaValue.ScalarType.STRING;
    }
  }

  private static boolean isBool(String s) {
    switch (s) {
      case "yes": case "Yes": case "YES": case "no": case "No": case "NO":
      case "true": case "True": case "TRUE": case "false": case "False": case "FALSE":
      case "on": case "On": case "ON": case "off": case "Off": case "OFF":
        return true;
      default:
        return false;
    }
  }

  /** Returns the value of text that {@link #resolvePlain} types as an integer, if it fits a long. */
  static OptionalLong parseLong(String text) {
    String s = text.replace("_", "");
    boolean negative = false;
    if (s.startsWith("-") || s.startsWith("+")) {
      negative = s.charAt(0) == '-';
      s = s.substring(1);
    }
    try {
      long v;
      if (s.startsWith("0b")) {
        v = Long.parseLong(s.substring(2), 2);
      } else if (s.startsWith("0x")) {
        v = Long.parseLong(s.substring(2), 16);
      } else if (s.indexOf(':') >= 0) {
        v = 0;
        for (String part : s.split(":", -1)) {
          v = Math.addExact(Math.multiplyExact(v, 60), Long.parseLong(part));
        }
      } else if (s.length() > 1 && s.startsWith("0")) {
        v = Long.parseLong(s.substring(1), 8);
      } else {
        v = Long.parseLong(s);
      }
      return OptionalLong.of(negative ? -v : v);
    } catch (NumberFormatException | ArithmeticException e) {
      return OptionalLong.empty();
    }
  }
}
