package dev.lamina.core.internal.codec;

import com.fasterxml.jackson.jr.ob.JacksonJrExtension;
import com.fasterxml.jackson.jr.ob.api.ExtensionContext;
import com.fasterxml.jackson.jr.ob.api.ReaderWriterModifier;
import com.fasterxml.jackson.jr.ob.api.ReaderWriterProvider;
import com.fasterxml.jackson.jr.ob.api.ValueReader;
import com.fasterxml.jackson.jr.ob.api.ValueWriter;
import com.fasterxml.jackson.jr.ob.impl.BeanPropertyIntrospector;
import com.fasterxml.jackson.jr.ob.impl.BeanReader;
import com.fasterxml.jackson.jr.ob.impl.EnumReader;
import com.fasterxml.jackson.jr.ob.impl.JSONReader;
import com.fasterxml.jackson.jr.ob.impl.JSONWriter;
import com.fasterxml.jackson.jr.ob.impl.POJODefinition;
import com.fasterxml.jackson.jr.type.ResolvedType;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;

/**
 * Plugs Lamina's rules into jr: strict scalar readers, the lenient wrappers of
 * {@link JrLenientReaders}, bean properties written in declaration order (as databind writes
 * them), and a guard that refuses to write any class jr does not handle, so that the codec writes
 * that value with databind instead.
 */
final class JrLeniency extends JacksonJrExtension {
  private final Predicate<Class<?>> writable;

  /** @param writable whether jr may write values of a class; others make writing throw {@link NotForJr} */
  JrLeniency(Predicate<Class<?>> writable) {
    this.writable = writable;
  }

  @Override
  protected void register(ExtensionContext ctxt) {
    ctxt.insertProvider(new LaminaProvider());
    ctxt.insertModifier(new LaminaModifier());
  }

  private final class LaminaProvider extends ReaderWriterProvider {
    @Override
    public ValueReader findValueReader(JSONReader readContext, Class<?> type) {
      return JrEligibility.isScalar(type) ? new JrScalarReader(type) : null;
    }

    @Override
    public ValueReader findCollectionReader(JSONReader readContext, Class<?> type,
        ResolvedType valueType, ValueReader readerForValues) {
      ValueReader plain = new com.fasterxml.jackson.jr.ob.impl.CollectionReader(type, readerForValues);
      return new JrLenientReaders.SingleValueAsArray(type, plain, readerForValues);
    }

    @Override
    public ValueWriter findValueWriter(JSONWriter writeContext, Class<?> type) {
      if (!writable.test(type)) {
        throw NotForJr.INSTANCE;
      }
      return null;
    }
  }

  private static final class LaminaModifier extends ReaderWriterModifier {
    @Override
    public ValueReader modifyValueReader(JSONReader readContext, Class<?> type, ValueReader defaultReader) {
      if (defaultReader instanceof BeanReader bean) {
        return new JrLenientReaders.Bean(type, bean);
      }
      if (defaultReader instanceof EnumReader) {
        return new JrLenientReaders.EnumConstant(type, defaultReader);
      }
      return defaultReader;
    }

    @Override
    public POJODefinition pojoDefinitionForSerialization(JSONWriter writeContext, Class<?> type) {
      if (type.isRecord()) {
        return null; // WRITE_RECORD_FIELDS_IN_DECLARATION_ORDER already does it
      }
      POJODefinition alphabetical =
          BeanPropertyIntrospector.instance().pojoDefinitionForSerialization(writeContext, type);
      List<String> fieldOrder = declaredFieldNames(type);
      List<POJODefinition.Prop> props = new ArrayList<>(alphabetical.getProperties());
      props.sort(Comparator.comparingInt(p -> {
        int i = fieldOrder.indexOf(p.name);
        return i < 0 ? Integer.MAX_VALUE : i; // stable: getter-only properties stay alphabetical
      }));
      return alphabetical.withProperties(props);
    }

    /** Instance field names, superclass fields first, each class in declaration order. */
    private static List<String> declaredFieldNames(Class<?> type) {
      List<Class<?>> chain = new ArrayList<>();
      for (Class<?> k = type; k != null && k != Object.class; k = k.getSuperclass()) {
        chain.add(0, k);
      }
      List<String> names = new ArrayList<>();
      for (Class<?> k : chain) {
        for (Field f : k.getDeclaredFields()) {
          if (!java.lang.reflect.Modifier.isStatic(f.getModifiers()) && !f.isSynthetic()) {
            names.add(f.getName());
          }
        }
      }
      return names;
    }
  }
}
