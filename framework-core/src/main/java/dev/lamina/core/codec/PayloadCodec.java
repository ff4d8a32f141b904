package dev.lamina.core.codec;

import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.Type;

/**
 * Reads invocation payloads into Java values and writes results back as JSON.
 *
 * <p>Lamina's handlers use one codec, created once per execution environment in the init phase
 * ({@link Codecs#standard()}). It reads user records and POJOs, {@code Map}, Jackson
 * {@code JsonNode}, {@code String}, and the event classes of {@code aws-lambda-java-events}
 * exactly as the Lambda Java runtime reads them.
 *
 * <p>Implementations are immutable and safe for concurrent use. Failures are reported as
 * {@link CodecException} subclasses whose messages name the target type and the JSON path,
 * never the payload.
 *
 * <pre>{@code
 * PayloadCodec codec = Codecs.standard();
 * Order order = codec.read(inputStream, Order.class);
 * codec.write(outputStream, receipt);
 * }</pre>
 */
public interface PayloadCodec {

  /**
   * Reads one JSON document into a value of the given type.
   *
   * @param in the JSON document; read to its end, not closed
   * @param type the target type, possibly generic ({@code List<Order>}); not {@code null}
   * @param <T> the target type
   * @return the value; {@code null} only if the document is the JSON literal {@code null}
   * @throws MalformedInputException if the document is not valid JSON, or is empty
   * @throws InputMismatchException if the JSON does not fit the type
   */
  <T> T read(InputStream in, Type type);

  /**
   * Reads one JSON document held in a byte array.
   *
   * @see #read(InputStream, Type)
   */
  <T> T read(byte[] json, Type type);

  /**
   * Writes a value as one JSON document. {@code null} is written as the JSON literal
   * {@code null}.
   *
   * @param out where the JSON goes; flushed, not closed. Nothing is written if encoding fails.
   * @param value the value to write; may be {@code null}
   * @throws OutputEncodingException if the value cannot be written as JSON
   * @throws java.io.UncheckedIOException if {@code out} itself fails
   */
  void write(OutputStream out, Object value);

  /**
   * Writes a value as one JSON document into a new byte array.
   *
   * @see #write(OutputStream, Object)
   */
  byte[] writeBytes(Object value);
}
