package dev.lamina.core.internal.codec;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.jr.ob.JSONObjectException;
import com.fasterxml.jackson.jr.ob.api.ValueReader;
import com.fasterxml.jackson.jr.ob.impl.BeanPropertyReader;
import com.fasterxml.jackson.jr.ob.impl.BeanReader;
import com.fasterxml.jackson.jr.ob.impl.JSONReader;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Wrappers that give jr's readers the runtime mapper's leniency: {@code ""} and {@code []} read as
 * a {@code null} bean, {@code [x]} as {@code x}, a single value as a one-element collection,
 * unknown enum names as {@code null}, and records missing a primitive component get zero, not an
 * error.
 */
final class JrLenientReaders {
  private JrLenientReaders() {}

  /** Reads a bean or record; jr's own reader does the bean work, this one the records. */
  static final class Bean extends ValueReader {
    private final BeanReader delegate;
    private final RecordShape record;

    Bean(Class<?> type, BeanReader delegate) {
      super(type);
      this.delegate = delegate;
      this.record = type.isRecord() ? new RecordShape(type) : null;
    }

    @Override
    public Object readNext(JSONReader reader, JsonParser p) throws IOException {
      p.nextToken();
      return read(reader, p);
    }

    @Override
    public Object read(JSONReader reader, JsonParser p) throws IOException {
      JsonToken token = p.currentToken();
      if (token == JsonToken.VALUE_STRING && p.getText().isEmpty()) {
        return null; // ACCEPT_EMPTY_STRING_AS_NULL_OBJECT
      }
      if (token == JsonToken.START_ARRAY) {
        if (p.nextToken() == JsonToken.END_ARRAY) {
          return null; // ACCEPT_EMPTY_ARRAY_AS_NULL_OBJECT
        }
        Object value = read(reader, p); // UNWRAP_SINGLE_VALUE_ARRAYS
        if (p.nextToken() != JsonToken.END_ARRAY) {
          throw JSONObjectException.from(p, "Cannot read [" + valueType().getTypeName() + "] from an array");
        }
        return value;
      }
      if (record != null && token == JsonToken.START_OBJECT) {
        return record.read(delegate, reader, p);
      }
      return delegate.read(reader, p);
    }
  }

  /** A record's canonical constructor and component defaults. */
  private static final class RecordShape {
    private final Map<String, Integer> indexByName = new HashMap<>();
    private final Object[] defaults;
    private final Constructor<?> canonical;

    RecordShape(Class<?> type) {
      RecordComponent[] components = type.getRecordComponents();
      Class<?>[] types = new Class<?>[components.length];
      defaults = new Object[components.length];
      for (int i = 0; i < components.length; i++) {
        indexByName.put(components[i].getName(), i);
        types[i] = components[i].getType();
        defaults[i] = PrimitiveDefaults.of(types[i]);
      }
      try {
        canonical = type.getDeclaredConstructor(types);
        canonical.setAccessible(true);
      } catch (NoSuchMethodException e) {
        throw new IllegalArgumentException("No canonical constructor on record " + type.getName(), e);
      }
    }

    Object read(BeanReader bean, JSONReader reader, JsonParser p) throws IOException {
      Object[] values = defaults.clone();
      for (String name; (name = p.nextFieldName()) != null; ) {
        BeanPropertyReader property = bean.findProperty(name);
        Integer index = property == null ? null : indexByName.get(property.getName());
        if (index == null) {
          p.nextToken();
          p.skipChildren(); // unknown properties are ignored
          continue;
        }
        Object value = property.getReader().readNext(reader, p);
        if (value != null || defaults[index] == null) {
          values[index] = value;
        }
      }
      try {
        return canonical.newInstance(values);
      } catch (InvocationTargetException e) {
        throw new JSONObjectException("The constructor of [" + canonical.getDeclaringClass().getName()
            + "] rejected the values", e.getCause());
      } catch (ReflectiveOperationException | IllegalArgumentException e) {
        throw new JSONObjectException("Cannot construct [" + canonical.getDeclaringClass().getName() + "]", e);
      }
    }
  }

  /** Unknown names and out-of-range indexes read as {@code null}; the rest as jr reads them. */
  static final class EnumConstant extends ValueReader {
    private final ValueReader delegate;
    private final Map<String, Object> byName = new HashMap<>();
    private final Object[] byIndex;

    EnumConstant(Class<?> type, ValueReader delegate) {
      super(type);
      this.delegate = delegate;
      this.byIndex = type.getEnumConstants();
      for (Object constant : byIndex) {
        byName.put(constant.toString(), constant);
      }
    }

    @Override
    public Object read(JSONReader reader, JsonParser p) throws IOException {
      if (p.hasToken(JsonToken.VALUE_STRING)) {
        String text = p.getText().trim();
        return text.isEmpty() ? null : byName.get(text);
      }
      if (p.hasToken(JsonToken.VALUE_NUMBER_INT)) {
        int i = p.getIntValue();
        return i >= 0 && i < byIndex.length ? byIndex[i] : null;
      }
      return delegate.read(reader, p);
    }
  }

  /** A JSON array as jr reads it; any other non-null value as a one-element collection. */
  static final class SingleValueAsArray extends ValueReader {
    private final ValueReader delegate;
    private final ValueReader element;

    SingleValueAsArray(Class<?> type, ValueReader delegate, ValueReader element) {
      super(type);
      this.delegate = delegate;
      this.element = element;
    }

    @Override
    public Object readNext(JSONReader reader, JsonParser p) throws IOException {
      p.nextToken();
      return read(reader, p);
    }

    @Override
    public Object read(JSONReader reader, JsonParser p) throws IOException {
      JsonToken token = p.currentToken();
      if (token == JsonToken.START_ARRAY) {
        return delegate.read(reader, p);
      }
      if (token == JsonToken.VALUE_NULL) {
        return null;
      }
      if (token == JsonToken.START_OBJECT && valueType() == Object.class) {
        throw JSONObjectException.from(p, "Cannot read a collection from a JSON object");
      }
      Collection<Object> single = newCollection(valueType());
      single.add(element.read(reader, p));
      return single;
    }

    @SuppressWarnings("unchecked")
    private static Collection<Object> newCollection(Class<?> type) throws IOException {
      if (!type.isInterface() && !java.lang.reflect.Modifier.isAbstract(type.getModifiers())) {
        try {
          return (Collection<Object>) type.getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
          throw new JSONObjectException("Cannot create [" + type.getName() + "]", e);
        }
      }
      if (SortedSet.class.isAssignableFrom(type)) {
        return new TreeSet<>();
      }
      return Set.class.isAssignableFrom(type) ? new HashSet<>() : new ArrayList<>();
    }
  }
}
