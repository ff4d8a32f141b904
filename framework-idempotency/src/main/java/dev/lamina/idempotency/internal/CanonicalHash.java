package dev.lamina.idempotency.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.util.JsonRecyclerPools;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Iterator;

/**
 * The SHA-256 of a JSON value in canonical form: object properties sorted at every level (the
 * last of repeated names wins), one spelling per number ({@code 100}, {@code 100.0} and {@code
 * 1e2} are alike; decimals exact, so {@code 12345678901234567.89} differs from {@code
 * 12345678901234567.88}). Two payloads that differ only in property order, spacing or number
 * spelling hash alike.
 *
 * <p>What is digested is not JSON text but an unambiguous encoding of the canonical value: each
 * value is a type tag and its content, strings and binary data carry their length, so no two
 * values encode alike. It is built from a tree, or streamed from JSON bytes without building one
 * (the cheaper way, when nothing else needs the tree); both give the same hash. Stateless.
 */
public final class CanonicalHash {
  /** Field names are hashed once each: no symbol table to build per document. */
  static final JsonFactory JSON =
      JsonFactory.builder()
          .disable(JsonFactory.Feature.CANONICALIZE_FIELD_NAMES)
          .disable(JsonFactory.Feature.INTERN_FIELD_NAMES)
          .recyclerPool(JsonRecyclerPools.threadLocalPool())
          .build();

  /** How an absent part is encoded: no JSON value encodes as this. */
  private static final byte ABSENT = 'x';

  private CanonicalHash() {}

  /**
   * The hash of a tree; a missing node (an absent part) hashes as a value distinct from every
   * JSON value, JSON {@code null} included.
   */
  public static String of(JsonNode node) {
    Encoding e = new Encoding(256);
    if (node == null || node.isMissingNode()) {
      e.tag(ABSENT);
    } else {
      encode(node, e);
    }
    return e.sha256();
  }

  /** The hash of one JSON document, or {@code null} if the bytes are not exactly one JSON value. */
  public static String ofJson(byte[] json) {
    try (JsonParser p = JSON.createParser(json)) {
      if (p.nextToken() == null) {
        return null;
      }
      Encoding e = new Encoding(256);
      encode(p, e);
      return p.nextToken() == null ? e.sha256() : null;
    } catch (IOException e) {
      return null; // not JSON
    }
  }

  private static void encode(JsonNode node, Encoding e) {
    switch (node.getNodeType()) {
      case OBJECT:
        String[] names = new String[node.size()];
        Iterator<String> it = node.fieldNames();
        for (int i = 0; i < names.length; i++) {
          names[i] = it.next();
        }
        Arrays.sort(names);
        e.tag((byte) '{');
        for (String name : names) {
          e.sized((byte) 's', name.getBytes(StandardCharsets.UTF_8));
          encode(node.get(name), e);
        }
        e.tag((byte) '}');
        break;
      case ARRAY:
        e.tag((byte) '[');
        for (JsonNode element : node) {
          encode(element, e);
        }
        e.tag((byte) ']');
        break;
      case STRING:
        e.sized((byte) 's', node.textValue().getBytes(StandardCharsets.UTF_8));
        break;
      case NUMBER:
        e.sized((byte) 'd', canonicalNumber(node).getBytes(StandardCharsets.US_ASCII));
        break;
      case BOOLEAN:
        e.tag((byte) (node.booleanValue() ? 't' : 'f'));
        break;
      case BINARY:
        try {
          e.sized((byte) 'b', node.binaryValue());
        } catch (IOException x) {
          throw new UncheckedIOException("A binary node holds its bytes", x);
        }
        break;
      default:
        e.tag((byte) 'n');
    }
  }

  /** Encodes the value starting at the parser's current token; leaves it on the value's last. */
  private static void encode(JsonParser p, Encoding e) throws IOException {
    JsonToken token = p.currentToken();
    switch (token) {
      case START_OBJECT:
        encodeObject(p, e);
        break;
      case START_ARRAY:
        e.tag((byte) '[');
        while (p.nextToken() != JsonToken.END_ARRAY) {
          encode(p, e);
        }
        e.tag((byte) ']');
        break;
      case VALUE_STRING:
        e.sized((byte) 's', p.getText().getBytes(StandardCharsets.UTF_8));
        break;
      case VALUE_NUMBER_INT:
        e.sized(
            (byte) 'd',
            (p.getNumberType() == JsonParser.NumberType.BIG_INTEGER
                    ? p.getBigIntegerValue().toString()
                    : Long.toString(p.getLongValue()))
                .getBytes(StandardCharsets.US_ASCII));
        break;
      case VALUE_NUMBER_FLOAT:
        e.sized(
            (byte) 'd', canonicalDecimal(p.getDecimalValue()).getBytes(StandardCharsets.US_ASCII));
        break;
      case VALUE_TRUE:
        e.tag((byte) 't');
        break;
      case VALUE_FALSE:
        e.tag((byte) 'f');
        break;
      default:
        e.tag((byte) 'n');
    }
  }

  /** An object: each member encoded on its own, then written in name order. */
  private static void encodeObject(JsonParser p, Encoding e) throws IOException {
    String[] names = new String[8];
    Encoding[] values = new Encoding[8];
    int n = 0;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      p.nextToken();
      Encoding value = new Encoding(32);
      encode(p, value);
      if (n == names.length) {
        names = Arrays.copyOf(names, n * 2);
        values = Arrays.copyOf(values, n * 2);
      }
      names[n] = name;
      values[n] = value;
      n++;
    }
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    final String[] keys = names;
    // Stable: among repeated names the last one ends up last, and wins below.
    Arrays.sort(order, (a, b) -> keys[a].compareTo(keys[b]));
    e.tag((byte) '{');
    for (int i = 0; i < n; i++) {
      int at = order[i];
      if (i + 1 < n && keys[order[i + 1]].equals(keys[at])) {
        continue;
      }
      e.sized((byte) 's', keys[at].getBytes(StandardCharsets.UTF_8));
      e.append(values[at]);
    }
    e.tag((byte) '}');
  }

  /** One spelling per number: {@code 100}, {@code 100.0} and {@code 1e2} are all {@code 100}. */
  static String canonicalNumber(JsonNode node) {
    if (node.isIntegralNumber()) {
      return node.canConvertToLong()
          ? Long.toString(node.longValue())
          : node.bigIntegerValue().toString();
    }
    return canonicalDecimal(
        node.isBigDecimal() ? node.decimalValue() : BigDecimal.valueOf(node.doubleValue()));
  }

  private static String canonicalDecimal(BigDecimal decimal) {
    BigDecimal value = decimal.signum() == 0 ? BigDecimal.ZERO : decimal.stripTrailingZeros();
    return value.scale() <= 0 ? value.toBigIntegerExact().toString() : value.toPlainString();
  }

  /** A growable byte buffer: the encoding is built whole, then digested in one call. */
  private static final class Encoding {
    private byte[] bytes;
    private int size;

    Encoding(int capacity) {
      this.bytes = new byte[capacity];
    }

    void tag(byte b) {
      ensure(1);
      bytes[size++] = b;
    }

    void sized(byte tag, byte[] content) {
      int n = content.length;
      ensure(5 + n);
      bytes[size++] = tag;
      bytes[size++] = (byte) (n >>> 24);
      bytes[size++] = (byte) (n >>> 16);
      bytes[size++] = (byte) (n >>> 8);
      bytes[size++] = (byte) n;
      System.arraycopy(content, 0, bytes, size, n);
      size += n;
    }

    void append(Encoding other) {
      ensure(other.size);
      System.arraycopy(other.bytes, 0, bytes, size, other.size);
      size += other.size;
    }

    String sha256() {
      MessageDigest digest = Hashes.sha256();
      digest.update(bytes, 0, size);
      return Hashes.hex(digest.digest());
    }

    private void ensure(int more) {
      if (size + more > bytes.length) {
        bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
      }
    }
  }
}
