package dev.lamina.core.internal.codec;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import dev.lamina.core.codec.MalformedInputException;
import java.io.IOException;
import java.lang.reflect.Type;

/**
 * The failures both codec paths share, built from jackson-core types only (so the jr path loads no
 * databind class): empty input, a failing stream, and invalid or truncated JSON. Messages hold the
 * type, the JSON path and class names, never the payload.
 */
final class StreamFailures {
  private StreamFailures() {}

  static MalformedInputException emptyInput(Type type) {
    String name = TypeNames.of(type);
    return new MalformedInputException(
        "Cannot read [" + name + "]: the input is empty (no JSON value at [$]). "
            + "Send a JSON document; the Lambda runtime rejects empty input too.",
        name, "$", null);
  }

  static MalformedInputException unreadableStream(Type type, IOException e) {
    String name = TypeNames.of(type);
    return new MalformedInputException(
        "Cannot read [" + name + "]: the input stream failed (" + e.getClass().getSimpleName() + ")",
        name, "$", ScrubbedCause.of(e));
  }

  /**
   * The parser's own complaint in {@code e}'s cause chain, if any: invalid JSON, or input that ends
   * inside a value. A number that does not fit its type is not one (that is a mismatch).
   */
  static StreamReadException findMalformed(Throwable e) {
    Throwable t = e;
    for (int i = 0; i < 16 && t != null; i++) {
      if (t instanceof StreamReadException read && !(t instanceof InputCoercionException)) {
        return read;
      }
      t = t.getCause() == t ? null : t.getCause();
    }
    return null;
  }

  /** True if the parser stopped because the document ended early (inside a value or structure). */
  static boolean endedEarly(JsonParser parser) {
    if (parser == null) {
      return false;
    }
    try {
      return parser.isClosed() || parser.currentToken() == null
          ? !parser.getParsingContext().inRoot()
          : false;
    } catch (RuntimeException e) {
      return false;
    }
  }

  static MalformedInputException malformed(Type type, StreamReadException malformed, JsonParser fallback,
      Throwable original) {
    String name = TypeNames.of(type);
    JsonParser parser = malformed != null && malformed.getProcessor() != null ? malformed.getProcessor() : fallback;
    String path = parser == null ? "$" : JsonPaths.of(parser.getParsingContext());
    String where = malformed == null || malformed.getLocation() == null ? ""
        : " (line " + malformed.getLocation().getLineNr() + ", column " + malformed.getLocation().getColumnNr() + ")";
    String what = malformed == null ? "the input ends before the JSON value is complete" : "the input is not valid JSON";
    return new MalformedInputException(
        "Cannot read [" + name + "]: " + what + " near [" + path + "]" + where,
        name, path, ScrubbedCause.of(original));
  }

  static String pathOf(JsonStreamContext context) {
    return context == null ? "$" : JsonPaths.of(context);
  }
}
