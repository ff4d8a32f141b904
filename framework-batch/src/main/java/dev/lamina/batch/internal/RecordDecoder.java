package dev.lamina.batch.internal;

import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import dev.lamina.core.codec.InputValidator;
import dev.lamina.core.codec.PayloadCodec;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a record's payload, as its source delivers it, into the record handler's type. Built once
 * per handler, at init; thread-safe.
 *
 * <ul>
 *   <li>The source's own record class ({@code SQSMessage}, {@code KinesisEventRecord}, ...): the
 *       record as delivered.
 *   <li>{@code String} and {@code byte[]}: the SQS body, or the Kinesis or Kafka data (base64
 *       decoded), exactly as sent.
 *   <li>Anything else: the payload read as JSON by the codec. An SQS body holding an SNS
 *       notification (SNS to SQS without raw delivery) is unwrapped to its {@code Message}. A
 *       DynamoDB image ({@code NewImage}, or {@code OldImage} for a {@code REMOVE}) is given as
 *       {@code Map<String, AttributeValue>} if that is the type, and otherwise converted to plain
 *       JSON values first ({@code {"S":"a"}} becomes {@code "a"}, numbers stay exact).
 * </ul>
 *
 * <p>A payload that cannot be decoded throws the codec's exception, and one the validator rejects
 * an {@link dev.lamina.core.codec.InputValidationException}; either fails that record only.
 */
public final class RecordDecoder {
  private final PayloadCodec codec;
  private final InputValidator validator;
  private final Type type;
  private final Class<?> raw;
  private final Class<?> sourceRecordType;
  private final boolean attributeValueImage;

  /**
   * @param codec reads JSON
   * @param type the record handler's payload type
   * @param sourceRecordType the class of the source's records
   * @param validator checks each payload the codec decoded; {@code null} for none
   */
  public RecordDecoder(
      PayloadCodec codec, Type type, Class<?> sourceRecordType, InputValidator validator) {
    this.codec = codec;
    this.validator = validator;
    this.type = type;
    this.raw = rawClass(type);
    this.sourceRecordType = sourceRecordType;
    this.attributeValueImage =
        type instanceof ParameterizedType
            && raw == Map.class
            && ((ParameterizedType) type).getActualTypeArguments()[1] == AttributeValue.class;
  }

  /** The payload as the handler's type. */
  public Object decode(SourceRecord record) throws Exception {
    if (raw != Object.class && raw.isAssignableFrom(sourceRecordType)) {
      return record.context().sourceRecord();
    }
    Object delivered = record.payload().get();
    if (delivered == null) {
      return null;
    }
    if (delivered instanceof String) {
      String text = (String) delivered;
      if (raw == String.class) {
        return text;
      }
      if (raw == byte[].class) {
        return text.getBytes(StandardCharsets.UTF_8);
      }
      return validated(codec.read(snsMessage(text).getBytes(StandardCharsets.UTF_8), type));
    }
    if (delivered instanceof byte[]) {
      byte[] bytes = (byte[]) delivered;
      if (raw == byte[].class) {
        return bytes;
      }
      if (raw == String.class) {
        return new String(bytes, StandardCharsets.UTF_8);
      }
      return validated(codec.read(bytes, type));
    }
    @SuppressWarnings("unchecked")
    Map<String, AttributeValue> image = (Map<String, AttributeValue>) delivered;
    if (attributeValueImage) {
      return image;
    }
    Map<String, Object> plain = plain(image);
    return raw == Map.class || raw == Object.class
        ? plain
        : validated(codec.read(codec.writeBytes(plain), type));
  }

  /** A decoded payload, after the validator's check: a violation fails this record. */
  private Object validated(Object value) {
    if (validator != null && value != null) {
      validator.validate(value, type);
    }
    return value;
  }

  /** An SNS notification's message, or the body itself if it is not one. */
  private String snsMessage(String body) {
    if (!body.contains("\"TopicArn\"") || !body.contains("\"Notification\"")) {
      return body;
    }
    Object envelope;
    try {
      envelope = codec.read(body.getBytes(StandardCharsets.UTF_8), Map.class);
    } catch (RuntimeException notAnEnvelope) {
      return body;
    }
    if (envelope instanceof Map) {
      Map<?, ?> m = (Map<?, ?>) envelope;
      if ("Notification".equals(m.get("Type"))
          && m.get("TopicArn") != null
          && m.get("Message") instanceof String) {
        return (String) m.get("Message");
      }
    }
    return body;
  }

  /** A DynamoDB image as plain values. */
  static Map<String, Object> plain(Map<String, AttributeValue> image) {
    Map<String, Object> out = new LinkedHashMap<>();
    image.forEach((name, value) -> out.put(name, plain(value)));
    return out;
  }

  private static Object plain(AttributeValue v) {
    if (v == null || Boolean.TRUE.equals(v.getNULL())) {
      return null;
    }
    if (v.getS() != null) {
      return v.getS();
    }
    if (v.getN() != null) {
      return new BigDecimal(v.getN());
    }
    if (v.getBOOL() != null) {
      return v.getBOOL();
    }
    if (v.getB() != null) {
      return base64(v.getB());
    }
    if (v.getM() != null) {
      return plain(v.getM());
    }
    List<Object> list = new ArrayList<>();
    if (v.getL() != null) {
      v.getL().forEach(e -> list.add(plain(e)));
    } else if (v.getSS() != null) {
      list.addAll(v.getSS());
    } else if (v.getNS() != null) {
      v.getNS().forEach(n -> list.add(new BigDecimal(n)));
    } else if (v.getBS() != null) {
      v.getBS().forEach(b -> list.add(base64(b)));
    } else {
      return null;
    }
    return list;
  }

  private static String base64(ByteBuffer bytes) {
    ByteBuffer copy = bytes.duplicate();
    byte[] out = new byte[copy.remaining()];
    copy.get(out);
    return Base64.getEncoder().encodeToString(out);
  }

  private static Class<?> rawClass(Type type) {
    if (type instanceof Class) {
      return (Class<?>) type;
    }
    if (type instanceof ParameterizedType
        && ((ParameterizedType) type).getRawType() instanceof Class) {
      return (Class<?>) ((ParameterizedType) type).getRawType();
    }
    return Object.class;
  }
}
