package io.sigmap.core.sigma;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.CollectionStartEvent;
import org.yaml.snakeyaml.events.DocumentStartEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.NodeEvent;
import org.yaml.snakeyaml.events.ScalarEvent;
import org.yaml.snakeyaml.parser.Parser;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.ReaderException;
import org.yaml.snakeyaml.reader.StreamReader;

/**
 * Splits a decoded text into YAML documents and builds each one's {@link YNode} tree from SnakeYAML's event
 * parser, enforcing the limits of {@link SigmaReadOptions} that SnakeYAML's parser does not (nesting depth,
 * aliases, expanded node count, scalar length, duplicate keys) and recording where each document starts.
 */
final class YamlStream {

  private static final String CORE_TAG = "tag:yaml.org,2002:";

  /** One document: its tree, or the problem that ended the stream inside it. */
  static final class Document {
    final YNode root;
    final YamlProblem problem;
    /** Char offset where the document's text starts. */
    final int startOffset;
    /** 1-based line where the document's text starts. */
    final int startLine;

    Document(YNode root, YamlProblem problem, int startOffset, int startLine) {
      this.root = root;
      this.problem = problem;
      this.startOffset = startOffset;
      this.startLine = startLine;
    }
  }

  private final SigmaReadOptions options;
  private final LoaderOptions loaderOptions;
  private final String text;
  private final boolean hasSurrogates;

  /** Plain, untagged {@code <<} scalars: the only ones that are YAML merge keys when used as keys. */
  private final Set<YNode> mergeKeys = Collections.newSetFromMap(new IdentityHashMap<>());
  private Map<String, YNode> anchors;
  private int aliases;

  private YamlStream(SigmaReadOptions options, LoaderOptions loaderOptions, String text) {
    this.options = options;
    this.loaderOptions = loaderOptions;
    this.text = text;
    this.hasSurrogates = hasSurrogates(text);
  }

  static LoaderOptions loaderOptions(SigmaReadOptions options) {
    LoaderOptions lo = new LoaderOptions();
    lo.setAllowDuplicateKeys(false);
    lo.setAllowRecursiveKeys(false);
    lo.setProcessComments(false);
    lo.setCodePointLimit(options.maxDocumentCodePoints());
    lo.setNestingDepthLimit(options.maxNestingDepth());
    lo.setMaxAliasesForCollections(Math.max(1, options.maxAliases()));
    lo.setWrappedToRootException(false);
    return lo;
  }

  /**
   * Parses every document of {@code text}. The list ends with a document carrying a problem when the stream
   * could not be parsed to its end; it is empty when the text holds no document.
   */
  static List<Document> parse(String text, SigmaReadOptions options, LoaderOptions loaderOptions) {
    return new YamlStream(options, loaderOptions, text).documents();
  }

  private List<Document> documents() {
    List<Document> docs = new ArrayList<>(1);
    Parser parser = new ParserImpl(new StreamReader(text), loaderOptions);
    // Where the document being read starts; until its DocumentStart event arrives, a later document is
    // assumed to start at the end of the text, so that the previous document's text runs to the end.
    int startOffset = 0;
    int startLine = 1;
    try {
      parser.getEvent(); // StreamStart
      while (true) {
        if (!docs.isEmpty()) {
          startOffset = text.length();
        }
        if (parser.checkEvent(Event.ID.StreamEnd)) {
          return docs;
        }
        DocumentStartEvent start = (DocumentStartEvent) parser.getEvent();
        if (!docs.isEmpty()) {
          Mark m = start.getStartMark();
          startOffset = lineStart(charOffset(m.getIndex()), m.getColumn());
          startLine = m.getLine() + 1;
        }
        if (docs.size() >= options.maxDocumentsPerFile()) {
          docs.add(new Document(null, new YamlProblem(SigmaErrorKind.LIMIT_EXCEEDED, String.format(Locale.ROOT,
              "the file holds more than %d YAML documents, the maximum allowed (from"
                  + " SigmaReadOptions.maxDocumentsPerFile())", options.maxDocumentsPerFile()),
              line(start.getStartMark()), column(start.getStartMark())), startOffset, startLine));
          return docs;
        }
        YNode root;
        try {
          anchors = new HashMap<>();
          aliases = 0;
          root = node(parser);
          parser.getEvent(); // DocumentEnd
        } catch (YamlProblem p) {
          docs.add(new Document(null, p, startOffset, startLine));
          return docs;
        }
        docs.add(new Document(root, null, startOffset, startLine));
      }
    } catch (YAMLException e) {
      docs.add(new Document(null, syntaxProblem(e), startOffset, startLine));
    } catch (RuntimeException | StackOverflowError e) {
      docs.add(new Document(null, new YamlProblem(SigmaErrorKind.INTERNAL,
          "the YAML parser failed unexpectedly (" + e + "); please report this file to the sigmap project",
          0, 0, e), startOffset, startLine));
    }
    return docs;
  }

  private YamlProblem syntaxProblem(YAMLException e) {
    if (e instanceof MarkedYAMLException) {
      MarkedYAMLException m = (MarkedYAMLException) e;
      Mark mark = m.getProblemMark() != null ? m.getProblemMark() : m.getContextMark();
      StringBuilder msg = new StringBuilder("invalid YAML: ");
      String problem = m.getProblem() == null ? "syntax error" : m.getProblem();
      msg.append(problem);
      if (m.getContext() != null) {
        msg.append(" (").append(m.getContext());
        Mark cm = m.getContextMark();
        if (cm != null && mark != null && cm.getLine() != mark.getLine()) {
          msg.append(" at line ").append(cm.getLine() + 1);
        }
        msg.append(')');
      }
      if (problem.contains("\\t") || problem.contains("TAB")) {
        msg.append("; YAML does not allow tabs for indentation: indent with spaces");
      }
      return new YamlProblem(SigmaErrorKind.SYNTAX, msg.toString(), mark == null ? 0 : line(mark),
          mark == null ? 0 : column(mark), e);
    }
    if (e instanceof ReaderException) {
      ReaderException r = (ReaderException) e;
      int[] lc = lineColumnOfCodePoint(r.getPosition());
      return new YamlProblem(SigmaErrorKind.SYNTAX, String.format(Locale.ROOT,
          "special character U+%04X is not allowed in YAML; remove it or escape it in a double-quoted string",
          r.getCodePoint()), lc[0], lc[1], e);
    }
    String message = String.valueOf(e.getMessage());
    if (message.contains("exceeds the limit")) {
      return new YamlProblem(SigmaErrorKind.LIMIT_EXCEEDED, String.format(Locale.ROOT,
          "a YAML document is longer than %d code points, the maximum allowed (from"
              + " SigmaReadOptions.maxDocumentCodePoints())", options.maxDocumentCodePoints()), 0, 0, e);
    }
    return new YamlProblem(SigmaErrorKind.SYNTAX, "invalid YAML: " + message, 0, 0, e);
  }

  // ---- tree building

  /** One collection being filled. */
  private static final class Frame {
    final YNode node;
    final String anchor;
    YNode pendingKey;
    List<YNode> merges;

    Frame(YNode node, String anchor) {
      this.node = node;
      this.anchor = anchor;
    }
  }

  private YNode node(Parser parser) throws YamlProblem {
    ArrayDeque<Frame> stack = new ArrayDeque<>();
    while (true) {
      Event e = parser.getEvent();
      YNode done;
      switch (e.getEventId()) {
        case Scalar:
          done = scalar((ScalarEvent) e);
          register(((NodeEvent) e).getAnchor(), done);
          break;
        case Alias:
          done = alias((AliasEvent) e);
          break;
        case MappingStart:
        case SequenceStart: {
          CollectionStartEvent cs = (CollectionStartEvent) e;
          if (stack.size() >= options.maxNestingDepth()) {
            throw problem(SigmaErrorKind.LIMIT_EXCEEDED, e.getStartMark(), String.format(Locale.ROOT,
                "YAML nesting deeper than %d levels, the maximum allowed (from"
                    + " SigmaReadOptions.maxNestingDepth())", options.maxNestingDepth()));
          }
          boolean mapping = e.getEventId() == Event.ID.MappingStart;
          checkCollectionTag(cs, mapping);
          Mark m = e.getStartMark();
          YNode n = mapping ? YNode.mapping(line(m), column(m)) : YNode.sequence(line(m), column(m));
          stack.push(new Frame(n, cs.getAnchor()));
          continue;
        }
        case MappingEnd:
        case SequenceEnd: {
          Frame f = stack.pop();
          if (f.merges != null) {
            applyMerges(f);
            checkSize(f.node, f.node);
          }
          done = f.node;
          register(f.anchor, done);
          break;
        }
        default:
          throw problem(SigmaErrorKind.SYNTAX, e.getStartMark(), "unexpected YAML event " + e.getEventId());
      }
      if (stack.isEmpty()) {
        return done;
      }
      add(stack.peek(), done);
    }
  }

  private void add(Frame parent, YNode child) throws YamlProblem {
    YNode p = parent.node;
    if (p.isSequence()) {
      p.addItem(child);
    } else if (parent.pendingKey == null) {
      if (!child.isScalar()) {
        throw YamlProblem.at(SigmaErrorKind.UNSUPPORTED, child,
            "a mapping key is " + child.describe() + "; Sigma rules only use plain text keys");
      }
      parent.pendingKey = child;
      return;
    } else {
      YNode key = parent.pendingKey;
      parent.pendingKey = null;
      if (mergeKeys.contains(key)) {
        if (parent.merges == null) {
          parent.merges = new ArrayList<>(1);
        }
        parent.merges.add(child);
      } else {
        int existing = p.indexOf(key.text);
        if (existing >= 0) {
          YNode first = p.keys.get(existing);
          throw YamlProblem.at(SigmaErrorKind.DUPLICATE_KEY, key, String.format(Locale.ROOT,
              "duplicate key '%s' (first at line %d); a YAML mapping may hold each key once: remove or rename"
                  + " one of them", shorten(key.text), first.line));
        }
        p.put(key, child);
      }
    }
    checkSize(p, child);
  }

  private void checkSize(YNode node, YNode at) throws YamlProblem {
    YamlProblem p = sizeProblem(node, at, options, "the document");
    if (p != null) {
      throw p;
    }
  }

  /**
   * Checks a tree's size once aliases are expanded: its node count against {@code maxNodes} and its scalar
   * text against twice {@code maxDocumentCodePoints} (without aliases, a document's scalars cannot hold more
   * UTF-16 characters than that).
   */
  static YamlProblem sizeProblem(YNode node, YNode at, SigmaReadOptions options, String what) {
    if (node.size > options.maxNodes()) {
      return YamlProblem.at(SigmaErrorKind.LIMIT_EXCEEDED, at, String.format(Locale.ROOT,
          "%s expands to more than %d YAML nodes (aliases counted at each use), the maximum allowed"
              + " (from SigmaReadOptions.maxNodes())", what, options.maxNodes()));
    }
    long maxChars = 2L * options.maxDocumentCodePoints();
    if (node.chars > maxChars) {
      return YamlProblem.at(SigmaErrorKind.LIMIT_EXCEEDED, at, String.format(Locale.ROOT,
          "%s expands to more than %d characters of text (aliases counted at each use), the maximum allowed"
              + " (twice SigmaReadOptions.maxDocumentCodePoints())", what, maxChars));
    }
    return null;
  }

  /** Applies YAML merge keys: entries of the merged mappings whose keys the mapping does not define itself. */
  private void applyMerges(Frame f) throws YamlProblem {
    YNode target = f.node;
    for (YNode m : f.merges) {
      List<YNode> sources = new ArrayList<>();
      if (m.isMapping()) {
        sources.add(m);
      } else if (m.isSequence()) {
        for (YNode item : m.items) {
          if (!item.isMapping()) {
            throw YamlProblem.at(SigmaErrorKind.WRONG_TYPE, item,
                "a merge key '<<' list may only hold mappings, but holds " + item.describe());
          }
          sources.add(item);
        }
      } else {
        throw YamlProblem.at(SigmaErrorKind.WRONG_TYPE, m,
            "a merge key '<<' takes a mapping or a list of mappings, but is " + m.describe());
      }
      for (YNode source : sources) {
        for (int i = 0; i < source.keys.size(); i++) {
          if (target.indexOf(source.keys.get(i).text) < 0) {
            target.put(source.keys.get(i), source.values.get(i));
          }
        }
        checkSize(target, m);
      }
    }
  }

  private YNode scalar(ScalarEvent e) throws YamlProblem {
    String value = e.getValue();
    Mark m = e.getStartMark();
    if (value.length() > options.maxScalarLength()) {
      throw problem(SigmaErrorKind.LIMIT_EXCEEDED, m, String.format(Locale.ROOT,
          "a scalar of %d characters is longer than %d, the maximum allowed (from"
              + " SigmaReadOptions.maxScalarLength())", value.length(), options.maxScalarLength()));
    }
    String tag = e.getTag();
    SigmaValue.ScalarType type;
    boolean plainUntagged = false;
    if (tag == null) {
      plainUntagged = e.isPlain();
      type = plainUntagged ? ScalarTypes.resolvePlain(value) : SigmaValue.ScalarType.STRING;
    } else {
      type = taggedType(tag, m);
    }
    YNode n = YNode.scalar(value, type, line(m), column(m));
    if (plainUntagged && value.equals("<<")) {
      mergeKeys.add(n);
    }
    return n;
  }

  private SigmaValue.ScalarType taggedType(String tag, Mark m) throws YamlProblem {
    if (tag.equals("!")) {
      return SigmaValue.ScalarType.STRING;
    }
    if (tag.startsWith(CORE_TAG)) {
      switch (tag.substring(CORE_TAG.length())) {
        case "str":
          return SigmaValue.ScalarType.STRING;
        case "int":
          return SigmaValue.ScalarType.INTEGER;
        case "float":
          return SigmaValue.ScalarType.FLOAT;
        case "bool":
          return SigmaValue.ScalarType.BOOLEAN;
        case "null":
          return SigmaValue.ScalarType.NULL;
        default:
          break;
      }
    }
    throw problem(SigmaErrorKind.UNSUPPORTED, m, "unsupported YAML tag '" + shortTag(tag)
        + "'; Sigma rules use plain YAML: remove the tag (only !!str, !!int, !!float, !!bool and !!null are read)");
  }

  private void checkCollectionTag(CollectionStartEvent e, boolean mapping) throws YamlProblem {
    String tag = e.getTag();
    if (tag == null || tag.equals("!") || tag.equals(CORE_TAG + (mapping ? "map" : "seq"))) {
      return;
    }
    throw problem(SigmaErrorKind.UNSUPPORTED, e.getStartMark(), "unsupported YAML tag '" + shortTag(tag)
        + "'; Sigma rules use plain YAML: remove the tag");
  }

  private static String shortTag(String tag) {
    return shorten(tag.startsWith(CORE_TAG) ? "!!" + tag.substring(CORE_TAG.length()) : tag);
  }

  private YNode alias(AliasEvent e) throws YamlProblem {
    String name = e.getAnchor();
    if (++aliases > options.maxAliases()) {
      throw problem(SigmaErrorKind.LIMIT_EXCEEDED, e.getStartMark(), String.format(Locale.ROOT,
          "the document uses more than %d aliases, the maximum allowed (from SigmaReadOptions.maxAliases())",
          options.maxAliases()));
    }
    YNode target = anchors.get(name);
    if (target == null) {
      throw problem(SigmaErrorKind.SYNTAX, e.getStartMark(), "alias '*" + shorten(name)
          + "' refers to no anchor defined before it (an anchor '&" + shorten(name)
          + "' must come first, and cannot be used inside its own value)");
    }
    return target;
  }

  private void register(String anchor, YNode node) {
    if (anchor != null) {
      anchors.put(anchor, node);
    }
  }

  private YamlProblem problem(SigmaErrorKind kind, Mark m, String message) {
    return new YamlProblem(kind, message, line(m), column(m));
  }

  static int line(Mark m) {
    return m.getLine() + 1;
  }

  static int column(Mark m) {
    return m.getColumn() + 1;
  }

  static String shorten(String s) {
    return s.length() <= 80 ? s : s.substring(0, 77) + "...";
  }

  // ---- offsets

  private static boolean hasSurrogates(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (Character.isSurrogate(s.charAt(i))) {
        return true;
      }
    }
    return false;
  }

  /** Converts a SnakeYAML mark index (in code points) to a char offset. */
  private int charOffset(int codePointIndex) {
    if (!hasSurrogates) {
      return Math.min(codePointIndex, text.length());
    }
    int cps = text.codePointCount(0, text.length());
    return codePointIndex >= cps ? text.length() : text.offsetByCodePoints(0, codePointIndex);
  }

  /** Returns the start of a mark's line, stepping back its column (in code points, as SnakeYAML counts). */
  private int lineStart(int offset, int column) {
    int i = offset;
    for (int c = 0; c < column && i > 0; c++) {
      i -= Character.isLowSurrogate(text.charAt(i - 1)) && i > 1 && Character.isHighSurrogate(text.charAt(i - 2))
          ? 2 : 1;
    }
    return i;
  }

  /** Returns the 1-based line and column of a code point index, counting lines as SnakeYAML does at '\n'. */
  private int[] lineColumnOfCodePoint(int codePointIndex) {
    int end = charOffset(Math.max(0, codePointIndex));
    int line = 1;
    int lineStart = 0;
    for (int i = 0; i < end; i++) {
      if (text.charAt(i) == '\n') {
        line++;
        lineStart = i + 1;
      }
    }
    return new int[] {line, text.codePointCount(lineStart, end) + 1};
  }
}
