package io.sigmap.core.sigma;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * Reads one file's text into a {@link SigmaFile}: documents, legacy collection actions, rule binding, and the
 * accounting documented on {@link SigmaFile}. Never throws for any content.
 */
final class FileReading {

  private final SigmaReadOptions options;
  private final LoaderOptions loaderOptions;

  FileReading(SigmaReadOptions options) {
    this.options = options;
    this.loaderOptions = YamlStream.loaderOptions(options);
  }

  SigmaFile bytes(byte[] bytes, int length, String path) {
    if (length > options.maxFileBytes()) {
      return tooLarge(path, length);
    }
    String text;
    try {
      text = TextDecoder.decode(bytes, length);
    } catch (YamlProblem p) {
      return failure(path, p);
    }
    return text(text, path);
  }

  SigmaFile tooLarge(String path, long length) {
    return failure(path, new YamlProblem(SigmaErrorKind.LIMIT_EXCEEDED, String.format(Locale.ROOT,
        "the file has %d bytes, more than %d, the maximum allowed (from SigmaReadOptions.maxFileBytes())",
        length, options.maxFileBytes()), 0, 0));
  }

  SigmaFile text(String text, String path) {
    try {
      return parse(text.startsWith("\uFEFF") ? text.substring(1) : text, path);
    } catch (RuntimeException | StackOverflowError e) {
      return failure(path, new YamlProblem(SigmaErrorKind.INTERNAL, "reading the file failed unexpectedly (" + e
          + "); please report this file to the sigmap project", 0, 0, e));
    }
  }

  static SigmaFile failure(String path, YamlProblem p) {
    return new SigmaFile(path, List.of(failed(path, 0, p)), 0, 0, 0, List.of(), "");
  }

  private static SigmaReadResult failed(String path, int index, YamlProblem p) {
    return new SigmaReadResult.Failed(
        new SigmaRuleException(path, index, p.line, p.column, p.kind, p.getMessage(), p.getCause()));
  }

  private SigmaFile parse(String text, String path) {
    if (text.isEmpty()) {
      return failure(path, new YamlProblem(SigmaErrorKind.EMPTY, "the file is empty", 0, 0));
    }
    List<YamlStream.Document> docs = YamlStream.parse(text, options, loaderOptions);
    if (docs.isEmpty()) {
      return failure(path, new YamlProblem(SigmaErrorKind.EMPTY,
          "the file holds no YAML document, only comments or white space", 0, 0));
    }
    List<SigmaReadResult> results = new ArrayList<>(docs.size());
    List<SigmaWarning> fileWarnings = new ArrayList<>(0);
    int control = 0;
    int skipped = 0;
    YNode global = null;
    YNode previous = null;
    for (int k = 0; k < docs.size(); k++) {
      YamlStream.Document doc = docs.get(k);
      if (doc.problem != null) {
        results.add(failed(path, k, doc.problem));
        continue;
      }
      YNode root = doc.root;
      if (root.isNull() && root.text.isEmpty()) {
        skipped++;
        fileWarnings.add(new SigmaWarning(SigmaWarning.Kind.EMPTY_DOCUMENT, String.format(Locale.ROOT,
            "YAML document %d is empty and was skipped; remove the stray '---'", k), doc.startLine, 1));
        continue;
      }
      if (!root.isMapping()) {
        results.add(failed(path, k, YamlProblem.at(SigmaErrorKind.NOT_A_MAPPING, root, "the YAML document is "
            + root.describe() + ", but a Sigma rule is a mapping of attributes such as title and detection")));
        continue;
      }
      YNode merged;
      boolean inherits;
      YNode action = root.get("action");
      if (action != null) {
        if (!action.isScalar() || action.isNull()) {
          results.add(failed(path, k, YamlProblem.at(SigmaErrorKind.WRONG_TYPE, action,
              "'action' is " + action.describe() + " but must be global, reset or repeat")));
          continue;
        }
        switch (action.text.strip().toLowerCase(Locale.ROOT)) {
          case "global":
            global = global == null ? Collections2.withoutAction(root) : Collections2.merge(global, root);
            control++;
            continue;
          case "reset":
            global = null;
            control++;
            continue;
          case "repeat":
            if (previous == null) {
              results.add(failed(path, k, YamlProblem.at(SigmaErrorKind.INVALID_VALUE, action,
                  "'action: repeat' needs an earlier rule document in the file to repeat")));
              continue;
            }
            merged = Collections2.merge(previous, root);
            inherits = true;
            break;
          default:
            results.add(failed(path, k, YamlProblem.at(SigmaErrorKind.UNSUPPORTED, action, "'action' is '"
                + YamlStream.shorten(action.text) + "'; rule collections know global, reset and repeat")));
            continue;
        }
      } else if (global != null) {
        merged = Collections2.merge(global, root);
        inherits = true;
      } else {
        merged = root;
        inherits = false;
      }
      previous = merged;
      YamlProblem tooBig = YamlStream.sizeProblem(merged, root, options,
          "with the attributes it inherits from earlier documents (action: global or repeat), the document");
      if (tooBig != null) {
        results.add(failed(path, k, tooBig));
        continue;
      }
      int end = text.length();
      if (k + 1 < docs.size() && docs.get(k + 1).startOffset >= doc.startOffset) {
        end = docs.get(k + 1).startOffset;
      }
      SigmaSource source = new SigmaSource(path, k, doc.startLine, text.substring(doc.startOffset, end), inherits);
      results.add(bind(merged, source, k));
    }
    if (results.isEmpty()) {
      String why = control > 0
          ? "the file holds only 'action: global' or 'action: reset' documents and no rule document"
          : "the file holds only empty YAML documents";
      results.add(failed(path, 0, new YamlProblem(SigmaErrorKind.EMPTY, why, 0, 0)));
    }
    return new SigmaFile(path, results, docs.size(), control, skipped, fileWarnings, text);
  }

  private SigmaReadResult bind(YNode merged, SigmaSource source, int k) {
    String path = source.path();
    try {
      SigmaRule rule = RuleBinder.bind(merged, source, options);
      if (options.strict() && !rule.warnings().isEmpty()) {
        SigmaWarning w = rule.warnings().get(0);
        int more = rule.warnings().size() - 1;
        return failed(path, k, new YamlProblem(SigmaErrorKind.STRICT_WARNING, w.message()
            + (more > 0 ? String.format(Locale.ROOT, " (and %d more warning%s)", more, more == 1 ? "" : "s") : "")
            + " [strict mode: SigmaReadOptions.strict()]", w.line(), w.column()));
      }
      return new SigmaReadResult.Parsed(rule);
    } catch (YamlProblem p) {
      return failed(path, k, p);
    }
  }
}
