package dev.lamina.config.internal;

/**
 * Turns the text a source holds into a field's type. Throws any {@link RuntimeException} when the
 * text does not fit; callers report the key and {@link #expected()}, never the exception's message
 * (which may quote the value).
 */
public interface Converter {

  /** Converts; never returns {@code null}. */
  Object convert(String text);

  /** The expected type for messages, such as {@code int} or {@code Duration (PT30S, 30s, 500ms)}. */
  String expected();

  /** A converter from a function and a description. */
  static Converter of(String expected, java.util.function.Function<String, Object> f) {
    return new Converter() {
      @Override
      public Object convert(String text) {
        Object v = f.apply(text);
        if (v == null) {
          throw new IllegalArgumentException("no value");
        }
        return v;
      }

      @Override
      public String expected() {
        return expected;
      }
    };
  }
}
