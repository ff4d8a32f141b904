package dev.lamina.logging.internal;

import java.io.ByteArrayOutputStream;

/**
 * The bytes of one log line, exposed without a copy so the line can reach the stream in a
 * single {@code write} call. Confined to the logging thread; not thread-safe.
 */
final class LineBuffer extends ByteArrayOutputStream {

  LineBuffer(int initialCapacity) {
    super(initialCapacity);
  }

  byte[] array() {
    return buf;
  }
}
