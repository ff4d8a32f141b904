package dev.lamina.config.internal;

import dev.lamina.config.SecretValue;
import dev.lamina.core.codec.PayloadCodec;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The conversions from text to field types: {@code String}, {@link SecretValue}, {@code int},
 * {@code long}, {@code double}, {@link BigDecimal}, {@code boolean} ({@code true}/{@code false},
 * any case), {@link Duration} (ISO-8601 {@code PT30S}, or {@code 500ms}, {@code 30s}, {@code 5m},
 * {@code 2h}, {@code 1d}), enums (by constant name, any case, {@code -} for {@code _}),
 * {@link URI}, {@code List<T>} (comma-separated for the scalar types above, as SSM
 * {@code StringList}s are; a JSON array otherwise) and anything else as a JSON document read by the
 * handler's codec.
 */
public final class Converters {
  private Converters() {}

  /** Whether a type is read as JSON rather than as text. */
  public static boolean isJson(Type type) {
    Class<?> raw = raw(type);
    if (raw == List.class) {
      return isJson(elementType(type));
    }
    return scalar(raw) == null;
  }

  /**
   * The converter for a type.
   *
   * @param type the field's type, {@code java.util.Optional} already unwrapped
   * @param codec where the JSON codec comes from, asked only for JSON types
   */
  public static Converter forType(Type type, Supplier<PayloadCodec> codec) {
    Class<?> raw = raw(type);
    if (raw == List.class) {
      Type element = elementType(type);
      Converter scalar = scalar(raw(element));
      if (scalar != null) {
        return Converter.of(
            "List<" + scalar.expected() + "> (comma-separated)",
            text -> {
              List<Object> out = new ArrayList<>();
              for (String part : text.split(",")) {
                if (!part.isBlank()) {
                  out.add(scalar.convert(part.trim()));
                }
              }
              return List.copyOf(out);
            });
      }
    } else {
      Converter scalar = scalar(raw);
      if (scalar != null) {
        return scalar;
      }
    }
    String name = type.getTypeName().replaceAll("[a-zA-Z0-9_$]+\\.", "");
    return Converter.of(
        "JSON " + name, text -> codec.get().read(text.getBytes(StandardCharsets.UTF_8), type));
  }

  private static Converter scalar(Class<?> raw) {
    if (raw == String.class) {
      return Converter.of("String", text -> text);
    }
    if (raw == SecretValue.class) {
      return Converter.of("SecretValue", SecretValue::of);
    }
    if (raw == int.class || raw == Integer.class) {
      return Converter.of("int", text -> Integer.valueOf(text.trim()));
    }
    if (raw == long.class || raw == Long.class) {
      return Converter.of("long", text -> Long.valueOf(text.trim()));
    }
    if (raw == double.class || raw == Double.class) {
      return Converter.of("double", text -> Double.valueOf(text.trim()));
    }
    if (raw == BigDecimal.class) {
      return Converter.of("decimal", text -> new BigDecimal(text.trim()));
    }
    if (raw == boolean.class || raw == Boolean.class) {
      return Converter.of("boolean (true or false)", Converters::bool);
    }
    if (raw == Duration.class) {
      return Converter.of("Duration (PT30S, 500ms, 30s, 5m, 2h, 1d)", Converters::duration);
    }
    if (raw == URI.class) {
      return Converter.of("URI", text -> URI.create(text.trim()));
    }
    if (raw.isEnum()) {
      Object[] constants = raw.getEnumConstants();
      String names =
          Arrays.stream(constants).map(c -> ((Enum<?>) c).name()).collect(Collectors.joining(", "));
      return Converter.of(
          "one of [" + names + "]",
          text -> {
            String wanted = text.trim().replace('-', '_');
            for (Object c : constants) {
              if (((Enum<?>) c).name().equalsIgnoreCase(wanted)) {
                return c;
              }
            }
            throw new IllegalArgumentException("not a constant");
          });
    }
    return null;
  }

  private static Object bool(String text) {
    String t = text.trim();
    if (t.equalsIgnoreCase("true")) {
      return Boolean.TRUE;
    }
    if (t.equalsIgnoreCase("false")) {
      return Boolean.FALSE;
    }
    throw new IllegalArgumentException("not a boolean");
  }

  static Duration duration(String text) {
    String t = text.trim().toLowerCase(Locale.ROOT);
    if (t.startsWith("p") || t.startsWith("-p")) {
      return Duration.parse(text.trim());
    }
    int unitStart = 0;
    while (unitStart < t.length() && (Character.isDigit(t.charAt(unitStart)))) {
      unitStart++;
    }
    if (unitStart == 0) {
      throw new IllegalArgumentException("no amount");
    }
    long amount = Long.parseLong(t.substring(0, unitStart));
    switch (t.substring(unitStart).trim()) {
      case "ms":
        return Duration.ofMillis(amount);
      case "s":
        return Duration.ofSeconds(amount);
      case "m":
        return Duration.ofMinutes(amount);
      case "h":
        return Duration.ofHours(amount);
      case "d":
        return Duration.ofDays(amount);
      default:
        throw new IllegalArgumentException("unknown unit");
    }
  }

  /** The class of a type, or of a parameterized type's raw type. */
  public static Class<?> raw(Type type) {
    if (type instanceof Class<?>) {
      return (Class<?>) type;
    }
    if (type instanceof ParameterizedType) {
      return (Class<?>) ((ParameterizedType) type).getRawType();
    }
    return Object.class;
  }

  /** The single type argument of {@code List<T>} or {@code Optional<T>}; {@code Object} if raw. */
  public static Type elementType(Type type) {
    if (type instanceof ParameterizedType) {
      return ((ParameterizedType) type).getActualTypeArguments()[0];
    }
    return Object.class;
  }
}
