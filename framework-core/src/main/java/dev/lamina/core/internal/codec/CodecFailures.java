package dev.lamina.core.internal.codec;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidDefinitionException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import dev.lamina.core.codec.InputMismatchException;
import dev.lamina.core.codec.MalformedInputException;
import dev.lamina.core.codec.OutputEncodingException;
import java.io.IOException;
import java.lang.reflect.Type;

/**
 * Turns Jackson's exceptions into Lamina's codec exceptions. Messages are built only from the Java
 * type, the JSON path and exception class names; the original exception is kept as a
 * {@link ScrubbedCause} (stack trace, no message) so no payload value is reachable from the result.
 */
final class CodecFailures {
  private CodecFailures() {}

  /**
   * Translates a failure from reading {@code type}. Invalid JSON is malformed input even when
   * databind wrapped the parser's exception on the way out.
   */
  static RuntimeException readFailure(IOException e, Type type) {
    String name = TypeNames.of(type);
    StreamReadException malformed = StreamFailures.findMalformed(e);
    if (malformed != null) {
      JsonParser parser = malformed.getProcessor();
      String path = parser == null ? "$" : JsonPaths.of(parser.getParsingContext());
      String where = malformed.getLocation() == null ? "" : " (line " + malformed.getLocation().getLineNr()
          + ", column " + malformed.getLocation().getColumnNr() + ")";
      return new MalformedInputException(
          "Cannot read [" + name + "]: the input is not valid JSON near [" + path + "]" + where,
          name, path, ScrubbedCause.of(e));
    }
    if (e instanceof JsonMappingException mapping) {
      String path = JsonPaths.of(mapping.getPath());
      return new InputMismatchException(
          "Cannot read [" + name + "]: the JSON at [" + path + "] " + mismatchDetail(mapping)
              + ". Fix the payload or the handler's input type.",
          name, path, ScrubbedCause.of(e));
    }
    if (e instanceof InputCoercionException coercion) {
      String path = coercion.getProcessor() == null ? "$" : JsonPaths.of(coercion.getProcessor().getParsingContext());
      return new InputMismatchException(
          "Cannot read [" + name + "]: the number at [" + path + "] does not fit the expected type",
          name, path, ScrubbedCause.of(e));
    }
    if (e instanceof JacksonException) {
      return new MalformedInputException(
          "Cannot read [" + name + "]: the input exceeds the parser's limits or is not valid JSON ("
              + e.getClass().getSimpleName() + ")", name, "$", ScrubbedCause.of(e));
    }
    return StreamFailures.unreadableStream(type, e);
  }

  /** Translates a failure from writing a value of {@code type}. */
  static OutputEncodingException writeFailure(IOException e, Type type) {
    String name = TypeNames.of(type);
    String path = e instanceof JsonMappingException m ? JsonPaths.of(m.getPath()) : "$";
    Throwable root = rootCause(e);
    String reason = root == e ? e.getClass().getSimpleName() : root.getClass().getName();
    return new OutputEncodingException(
        "Cannot write [" + name + "] as JSON: failed at [" + path + "] (" + reason + "). "
            + "Return a value whose getters do not throw and that has no reference cycles.",
        name, path, ScrubbedCause.of(e));
  }

  private static String mismatchDetail(JsonMappingException e) {
    if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
      return "does not fit the expected type [" + TypeNames.of(mismatch.getTargetType()) + "]";
    }
    if (e instanceof InvalidDefinitionException definition && definition.getType() != null) {
      return "cannot be bound: Jackson cannot construct [" + definition.getType().toCanonical() + "]";
    }
    Throwable root = rootCause(e);
    if (root != e) {
      return "was rejected by the target type (" + root.getClass().getName() + ")";
    }
    return "does not fit the expected type";
  }

  private static Throwable rootCause(Throwable e) {
    Throwable t = e;
    for (int i = 0; i < 16 && t.getCause() != null && t.getCause() != t; i++) {
      t = t.getCause();
    }
    return t;
  }
}
