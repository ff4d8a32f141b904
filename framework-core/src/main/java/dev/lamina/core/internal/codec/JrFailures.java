package dev.lamina.core.internal.codec;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.exc.StreamReadException;
import dev.lamina.core.codec.InputMismatchException;
import dev.lamina.core.codec.OutputEncodingException;
import java.io.IOException;
import java.lang.reflect.Type;

/**
 * Turns jackson-jr's failures into Lamina's codec exceptions, with the same contract as
 * {@link CodecFailures}: the JSON path comes from the parser's (or generator's) context at the
 * failure, messages hold no payload, and the cause is kept only as a {@link ScrubbedCause}.
 */
final class JrFailures {
  private JrFailures() {}

  static RuntimeException readFailure(Exception e, Type type, JsonParser parser) {
    StreamReadException malformed = StreamFailures.findMalformed(e);
    if (malformed != null || StreamFailures.endedEarly(parser)) {
      return StreamFailures.malformed(type, malformed, parser, e);
    }
    if (e instanceof IOException io && !(e instanceof JacksonException)) {
      return StreamFailures.unreadableStream(type, io);
    }
    String name = TypeNames.of(type);
    String path = parser == null ? "$" : StreamFailures.pathOf(parser.getParsingContext());
    return new InputMismatchException(
        "Cannot read [" + name + "]: the JSON at [" + path + "] does not fit the expected type ("
            + e.getClass().getSimpleName() + "). Fix the payload or the handler's input type.",
        name, path, ScrubbedCause.of(e));
  }

  static OutputEncodingException writeFailure(Exception e, Type type, JsonGenerator generator) {
    String name = TypeNames.of(type);
    String path = generator == null ? "$" : StreamFailures.pathOf(generator.getOutputContext());
    Throwable root = e;
    for (int i = 0; i < 16 && root.getCause() != null && root.getCause() != root; i++) {
      root = root.getCause();
    }
    String reason = root == e ? e.getClass().getSimpleName() : root.getClass().getName();
    return new OutputEncodingException(
        "Cannot write [" + name + "] as JSON: failed at [" + path + "] (" + reason + "). "
            + "Return a value whose getters do not throw and that has no reference cycles.",
        name, path, ScrubbedCause.of(e));
  }
}
