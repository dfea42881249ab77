package io.sigmap.core.sigma;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Decodes rule files: UTF-8 only, strictly (a malformed byte is an error with its line and column), with an
 * optional UTF-8 byte order mark dropped, and UTF-16/UTF-32 recognised to say so.
 */
final class TextDecoder {

  private TextDecoder() {}

  static String decode(byte[] bytes, int length) throws YamlProblem {
    int start = 0;
    if (length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF) {
      start = 3;
    } else if (length >= 2 && (((bytes[0] & 0xFF) == 0xFE && (bytes[1] & 0xFF) == 0xFF)
        || ((bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xFE))) {
      throw new YamlProblem(SigmaErrorKind.ENCODING, "the file is UTF-16 or UTF-32 (it starts with a byte order"
          + " mark for it); Sigma rules must be UTF-8: convert the file", 1, 1);
    } else if (length >= 2 && (bytes[0] == 0 || bytes[1] == 0)) {
      throw new YamlProblem(SigmaErrorKind.ENCODING, "the file starts with a zero byte, as UTF-16 or UTF-32 text"
          + " does; Sigma rules must be UTF-8: convert the file", 1, 1);
    }
    // The JDK's UTF-8 decoding is fast but replaces malformed input with U+FFFD; decode strictly only when a
    // U+FFFD shows up, to tell a real one from a malformed sequence.
    String text = new String(bytes, start, length - start, StandardCharsets.UTF_8);
    if (text.indexOf('\uFFFD') >= 0) {
      strict(bytes, start, length);
    }
    return text;
  }

  private static void strict(byte[] bytes, int start, int length) throws YamlProblem {
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes, start, length - start);
    CharBuffer out = CharBuffer.allocate(length - start + 1);
    CoderResult r = decoder.decode(in, out, true);
    if (r.isError()) {
      out.flip();
      int line = 1;
      int lineStart = 0;
      for (int i = 0; i < out.limit(); i++) {
        if (out.get(i) == '\n') {
          line++;
          lineStart = i + 1;
        }
      }
      int column = Character.codePointCount(out, lineStart, out.limit()) + 1;
      int bad = bytes[in.position()] & 0xFF;
      throw new YamlProblem(SigmaErrorKind.ENCODING, String.format(Locale.ROOT,
          "byte 0x%02X at offset %d is not valid UTF-8; Sigma rules must be UTF-8: re-save the file as UTF-8",
          bad, in.position()), line, column);
    }
  }
}
