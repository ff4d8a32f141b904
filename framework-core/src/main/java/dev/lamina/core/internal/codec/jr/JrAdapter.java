package dev.lamina.core.internal.codec.jr;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.jr.ob.JacksonJrExtension;
import com.fasterxml.jackson.jr.ob.api.ExtensionContext;
import com.fasterxml.jackson.jr.ob.api.ReaderWriterModifier;
import com.fasterxml.jackson.jr.ob.api.ReaderWriterProvider;
import com.fasterxml.jackson.jr.ob.api.ValueReader;
import com.fasterxml.jackson.jr.ob.api.ValueWriter;
import com.fasterxml.jackson.jr.ob.impl.BeanPropertyIntrospector;
import com.fasterxml.jackson.jr.ob.impl.JSONReader;
import com.fasterxml.jackson.jr.ob.impl.JSONWriter;
import com.fasterxml.jackson.jr.ob.impl.POJODefinition;
import com.fasterxml.jackson.jr.type.ResolvedType;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Every use of jackson-jr beyond its front door ({@code JSON}) is here: the extension API's
 * signatures name jr's {@code impl} package, so a jr upgrade that changes them breaks this file
 * and no other.
 *
 * <p>What it adds to jr: it declines every class {@link JrTypes} does not take; every reader
 * accepts only the tokens databind reads without a coercion (any other token declines the
 * document); and bean properties are written in databind's order.
 */
final class JrAdapter extends JacksonJrExtension {
  private static final Set<Class<?>> INTEGRAL =
      Set.of(Integer.class, int.class, Long.class, long.class, BigInteger.class);
  private static final Set<Class<?>> DECIMAL =
      Set.of(Double.class, double.class, Float.class, float.class, BigDecimal.class);

  @Override
  protected void register(ExtensionContext ctxt) {
    ctxt.insertProvider(new Gate());
    ctxt.insertModifier(new Shape());
  }

  /** jr asks it about every class it meets (arrays aside): those jr does not take are declined. */
  private static final class Gate extends ReaderWriterProvider {
    @Override
    public ValueReader findValueReader(JSONReader ctx, Class<?> type) {
      return declineUnlessTaken(type);
    }

    @Override
    public ValueReader findCollectionReader(
        JSONReader ctx, Class<?> type, ResolvedType t, ValueReader r) {
      return declineUnlessTaken(type);
    }

    @Override
    public ValueReader findMapReader(JSONReader ctx, Class<?> type, ResolvedType t, ValueReader r) {
      return declineUnlessTaken(type);
    }

    @Override
    public ValueWriter findValueWriter(JSONWriter ctx, Class<?> type) {
      return declineUnlessTaken(type);
    }

    private static <T> T declineUnlessTaken(Class<?> type) {
      if (!JrTypes.takes(type)) {
        throw JrDeclined.TYPE;
      }
      return null; // jr's own
    }
  }

  private static final class Shape extends ReaderWriterModifier {
    @Override
    public ValueReader modifyValueReader(JSONReader ctx, Class<?> type, ValueReader reader) {
      if (type.isArray()) {
        throw JrDeclined.TYPE;
      }
      return type == Object.class ? reader : new Strict(type, reader);
    }

    @Override
    public POJODefinition pojoDefinitionForSerialization(JSONWriter ctx, Class<?> type) {
      if (type.isRecord()) {
        return null; // jr writes components in declaration order, as databind does
      }
      POJODefinition jr =
          BeanPropertyIntrospector.instance().pojoDefinitionForSerialization(ctx, type);
      List<String> order = databindOrder(type);
      List<POJODefinition.Prop> props = new ArrayList<>(jr.getProperties());
      props.sort(
          Comparator.comparingInt(
              p -> order.contains(p.name) ? order.indexOf(p.name) : order.size()));
      return jr.withProperties(props);
    }

    /** databind's order: fields, superclass first; then getters, subclass first, as declared. */
    private static List<String> databindOrder(Class<?> type) {
      List<Class<?>> chain = new ArrayList<>();
      for (Class<?> k = type; k != Object.class; k = k.getSuperclass()) {
        chain.add(0, k);
      }
      List<String> names = new ArrayList<>();
      for (Class<?> k : chain) {
        for (Field f : k.getDeclaredFields()) {
          if (!Modifier.isStatic(f.getModifiers()) && !f.isSynthetic()) {
            names.add(f.getName());
          }
        }
      }
      for (int i = chain.size() - 1; i >= 0; i--) {
        for (Method m : chain.get(i).getDeclaredMethods()) {
          String n = m.getName();
          int prefix = n.startsWith("get") ? 3 : n.startsWith("is") ? 2 : 0;
          if (prefix > 0 && n.length() > prefix && m.getParameterCount() == 0) {
            // standard bean naming, as databind's: getURL is URL, getUrl is url
            boolean keep = n.length() > prefix + 1 && Character.isUpperCase(n.charAt(prefix + 1));
            names.add(
                keep
                    ? n.substring(prefix)
                    : Character.toLowerCase(n.charAt(prefix)) + n.substring(prefix + 1));
          }
        }
      }
      return names;
    }
  }

  /** jr's reader, given only the tokens databind reads without a coercion, or {@code null}. */
  private static final class Strict extends ValueReader {
    private final ValueReader jr;
    private final Set<JsonToken> accepted;

    Strict(Class<?> type, ValueReader jr) {
      super(type);
      this.jr = jr;
      boolean bool = type == Boolean.class || type == boolean.class;
      JsonToken number = JsonToken.VALUE_NUMBER_INT;
      this.accepted =
          type == String.class || type.isEnum()
              ? Set.of(JsonToken.VALUE_STRING)
              : bool
                  ? Set.of(JsonToken.VALUE_TRUE, JsonToken.VALUE_FALSE)
                  : INTEGRAL.contains(type)
                      ? Set.of(number)
                      : DECIMAL.contains(type)
                          ? Set.of(number, JsonToken.VALUE_NUMBER_FLOAT)
                          : Collection.class.isAssignableFrom(type)
                              ? Set.of(JsonToken.START_ARRAY)
                              : Set.of(JsonToken.START_OBJECT);
    }

    @Override
    public Object read(JSONReader reader, JsonParser p) throws IOException {
      JsonToken t = p.currentToken();
      if (t == JsonToken.VALUE_NULL && !valueType().isPrimitive()) {
        return null;
      }
      if (!accepted.contains(t)) {
        throw JrDeclined.DOCUMENT;
      }
      return jr.read(reader, p);
    }

    @Override
    public Object readNext(JSONReader reader, JsonParser p) throws IOException {
      p.nextToken();
      return read(reader, p);
    }
  }
}
