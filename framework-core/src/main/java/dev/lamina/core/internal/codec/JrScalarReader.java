package dev.lamina.core.internal.codec;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.jr.ob.JSONObjectException;
import com.fasterxml.jackson.jr.ob.api.ValueReader;
import com.fasterxml.jackson.jr.ob.impl.JSONReader;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * Reads one scalar type the way the lenient databind mapper does, where jr's own readers are
 * looser (jr reads {@code "abc"} as the int 0 and an object as a {@code null} String). Numbers,
 * booleans and text coerce into each other as databind's defaults allow; {@code null} is
 * {@code null} for boxes and zero/false for primitives; {@code [x]} is unwrapped; anything else is
 * a mismatch reported at the parser's position. Messages never quote the value.
 */
final class JrScalarReader extends ValueReader {
  private final Class<?> type;

  JrScalarReader(Class<?> type) {
    super(type);
    this.type = type;
  }

  @Override
  public Object read(JSONReader reader, JsonParser p) throws IOException {
    JsonToken token = p.currentToken();
    if (token == JsonToken.START_ARRAY) {
      p.nextToken();
      Object value = read(reader, p);
      if (p.nextToken() != JsonToken.END_ARRAY) {
        throw mismatch(p, "an array of more than one value");
      }
      return value;
    }
    if (token == JsonToken.VALUE_NULL) {
      return nullValue();
    }
    if (token == null || token.isStructStart() || token == JsonToken.END_ARRAY
        || token == JsonToken.END_OBJECT || token == JsonToken.FIELD_NAME) {
      throw mismatch(p, "a JSON " + (token == JsonToken.START_OBJECT ? "object" : "structure"));
    }
    try {
      return convert(p, token);
    } catch (NumberFormatException | ArithmeticException e) {
      throw mismatch(p, "a value out of range or not a number");
    }
  }

  private Object convert(JsonParser p, JsonToken token) throws IOException {
    boolean text = token == JsonToken.VALUE_STRING;
    if (type == String.class) {
      return p.getText();
    }
    if (type == Boolean.class || type == boolean.class) {
      if (token == JsonToken.VALUE_TRUE || token == JsonToken.VALUE_FALSE) {
        return token == JsonToken.VALUE_TRUE;
      }
      if (text) {
        String s = p.getText().trim();
        if (s.isEmpty()) {
          return nullValue();
        }
        if (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false")) {
          return Boolean.parseBoolean(s);
        }
      }
      if (token == JsonToken.VALUE_NUMBER_INT) {
        return p.getIntValue() != 0;
      }
      throw mismatch(p, "not a boolean");
    }
    if (token == JsonToken.VALUE_TRUE || token == JsonToken.VALUE_FALSE) {
      throw mismatch(p, "a boolean");
    }
    if (text && p.getText().trim().isEmpty()) {
      return nullValue();
    }
    BigDecimal number = text ? new BigDecimal(p.getText().trim()) : null;
    if (type == Double.class || type == double.class) {
      return text ? Double.parseDouble(p.getText().trim()) : p.getDoubleValue();
    }
    if (type == Float.class || type == float.class) {
      return text ? Float.parseFloat(p.getText().trim()) : p.getFloatValue();
    }
    if (type == BigDecimal.class) {
      return text ? number : p.getDecimalValue();
    }
    if (type == BigInteger.class) {
      return text ? number.toBigInteger() : p.getDecimalValue().toBigInteger();
    }
    // integral: databind truncates floats (ACCEPT_FLOAT_AS_INT) and parses text
    BigInteger whole = text ? number.toBigInteger()
        : token == JsonToken.VALUE_NUMBER_INT ? p.getBigIntegerValue() : p.getDecimalValue().toBigInteger();
    if (type == Long.class || type == long.class) {
      return whole.longValueExact();
    }
    int i = whole.intValueExact();
    if (type == Short.class || type == short.class) {
      if (i != (short) i) {
        throw new ArithmeticException();
      }
      return (short) i;
    }
    if (type == Byte.class || type == byte.class) {
      if (i < -128 || i > 255) { // databind accepts 128..255 as unsigned bytes
        throw new ArithmeticException();
      }
      return (byte) i;
    }
    return i;
  }

  private Object nullValue() {
    if (!type.isPrimitive()) {
      return null;
    }
    return PrimitiveDefaults.of(type);
  }

  private JSONObjectException mismatch(JsonParser p, String found) {
    return JSONObjectException.from(p, "Cannot read [" + type.getTypeName() + "] from " + found);
  }
}
