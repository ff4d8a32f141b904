package dev.lamina.core.internal.codec;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidDefinitionException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import dev.lamina.core.codec.CodecException;
import dev.lamina.core.codec.InputMismatchException;
import dev.lamina.core.codec.MalformedInputException;
import dev.lamina.core.codec.OutputEncodingException;
import java.io.IOException;
import java.lang.reflect.Type;

/**
 * The one place a failure becomes a Lamina {@link CodecException}: empty input, a failing
 * stream, and databind's exceptions (jr declines rather than fails). Messages are built from the
 * Java type, the JSON path and class names only; the original exception is kept as a
 * {@link ScrubbedCause}, its stack without its message, so no payload value is reachable from the
 * result. Loaded only when something fails.
 */
final class FailureTranslator {
  private FailureTranslator() {}

  static MalformedInputException emptyInput(Type type) {
    String name = type.getTypeName();
    return new MalformedInputException(
        "Cannot read ["
            + name
            + "]: the input is empty (no JSON"
            + " value at [$]). Send a JSON document; the Lambda runtime rejects empty input too.",
        name,
        "$",
        null);
  }

  static MalformedInputException unreadableStream(Type type, IOException e) {
    String name = type.getTypeName();
    return new MalformedInputException(
        "Cannot read ["
            + name
            + "]: the input stream failed ("
            + e.getClass().getSimpleName()
            + ")",
        name,
        "$",
        ScrubbedCause.of(e));
  }

  /** A failure reading {@code type}; invalid JSON is malformed even when databind wrapped it. */
  static CodecException readFailure(IOException e, Type type) {
    String name = type.getTypeName();
    StreamReadException malformed = malformedIn(e);
    if (malformed != null) {
      String path =
          malformed.getProcessor() == null
              ? "$"
              : JsonPaths.of(malformed.getProcessor().getParsingContext());
      JsonLocation at = malformed.getLocation();
      String what =
          malformed instanceof JsonEOFException
              ? "the input ends before the JSON value is complete"
              : "the input is not valid JSON";
      String where =
          at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
      return new MalformedInputException(
          "Cannot read [" + name + "]: " + what + " near [" + path + "]" + where,
          name,
          path,
          ScrubbedCause.of(e));
    }
    if (e instanceof JsonMappingException mapping) {
      String path = JsonPaths.of(mapping.getPath());
      return new InputMismatchException(
          "Cannot read ["
              + name
              + "]: the JSON at ["
              + path
              + "] "
              + mismatch(mapping)
              + ". Fix the payload or the handler's input type.",
          name,
          path,
          ScrubbedCause.of(e));
    }
    if (e instanceof InputCoercionException coercion) {
      String path =
          coercion.getProcessor() == null
              ? "$"
              : JsonPaths.of(coercion.getProcessor().getParsingContext());
      return new InputMismatchException(
          "Cannot read [" + name + "]: the number at [" + path + "] does not fit the expected type",
          name,
          path,
          ScrubbedCause.of(e));
    }
    if (e instanceof JacksonException) {
      return new MalformedInputException(
          "Cannot read ["
              + name
              + "]: the input exceeds the"
              + " parser's limits or is not valid JSON ("
              + e.getClass().getSimpleName()
              + ")",
          name,
          "$",
          ScrubbedCause.of(e));
    }
    return unreadableStream(type, e);
  }

  /** A failure writing a value of {@code type}. */
  static OutputEncodingException writeFailure(IOException e, Type type) {
    String name = type.getTypeName();
    String path = e instanceof JsonMappingException m ? JsonPaths.of(m.getPath()) : "$";
    Throwable root = rootCause(e);
    String reason = root == e ? e.getClass().getSimpleName() : root.getClass().getName();
    return new OutputEncodingException(
        "Cannot write ["
            + name
            + "] as JSON: failed at ["
            + path
            + "] ("
            + reason
            + "). Return a value whose getters do not throw and that has no"
            + " reference cycles.",
        name,
        path,
        ScrubbedCause.of(e));
  }

  /** The parser's own complaint in the cause chain, if any; a number too large is a mismatch. */
  private static StreamReadException malformedIn(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof StreamReadException read && !(t instanceof InputCoercionException)) {
        return read;
      }
    }
    return null;
  }

  private static String mismatch(JsonMappingException e) {
    if (e instanceof MismatchedInputException m && m.getTargetType() != null) {
      return "does not fit the expected type [" + m.getTargetType().getTypeName() + "]";
    }
    if (e instanceof InvalidDefinitionException d && d.getType() != null) {
      return "cannot be bound: Jackson cannot construct [" + d.getType().toCanonical() + "]";
    }
    Throwable root = rootCause(e);
    return root != e
        ? "was rejected by the target type (" + root.getClass().getName() + ")"
        : "does not fit the expected type";
  }

  private static Throwable rootCause(Throwable e) {
    Throwable t = e;
    for (int i = 0; i < 16 && t.getCause() != null && t.getCause() != t; i++) {
      t = t.getCause();
    }
    return t;
  }
}
