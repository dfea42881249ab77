package io.sigmap.core.sigma;

/**
 * A problem found while reading one document, before the path and document index are known; turned into a
 * {@link SigmaRuleException} by the file reader. Carries no stack trace: it is control flow, not a bug.
 */
final class YamlProblem extends Exception {

  private static final long serialVersionUID = 1L;

  final SigmaErrorKind kind;
  final int line;
  final int column;

  YamlProblem(SigmaErrorKind kind, String message, int line, int column) {
    this(kind, message, line, column, null);
  }

  YamlProblem(SigmaErrorKind kind, String message, int line, int column, Throwable cause) {
    super(message, cause, false, false);
    this.kind = kind;
    this.line = line;
    this.column = column;
  }

  static YamlProblem at(SigmaErrorKind kind, YNode node, String message) {
    return new YamlProblem(kind, message, node.line, node.column);
  }
}
