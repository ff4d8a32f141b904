package dev.lamina.core.internal.codec;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.jr.ob.impl.BeanPropertyWriter;
import com.fasterxml.jackson.jr.ob.impl.JSONWriter;
import com.fasterxml.jackson.jr.ob.impl.ValueWriterLocator;
import com.fasterxml.jackson.core.TreeCodec;
import java.io.IOException;

/**
 * jr's writer, changed in one respect: when a getter throws, the property's name is written first,
 * so the generator's context names the failing property and the codec can report
 * {@code $.inner.value} rather than {@code $.inner}. The output is discarded on failure anyway.
 */
final class JrPathWriter extends JSONWriter {
  JrPathWriter() {}

  private JrPathWriter(JrPathWriter base, int features, ValueWriterLocator loc, TreeCodec tc, JsonGenerator g) {
    super(base, features, loc, tc, g);
  }

  @Override
  public JSONWriter perOperationInstance(int features, ValueWriterLocator loc, TreeCodec tc, JsonGenerator g) {
    return new JrPathWriter(this, features, loc, tc, g);
  }

  @Override
  public void writeBeanValue(BeanPropertyWriter[] props, Object bean) throws IOException {
    _generator.writeStartObject();
    for (BeanPropertyWriter property : props) {
      SerializedString name = property.name;
      Object value;
      try {
        value = property.getValueFor(bean);
      } catch (IOException | RuntimeException e) {
        _generator.writeFieldName(name);
        throw e;
      }
      if (value == null) {
        if (_writeNullValues) {
          writeNullField(name);
        }
        continue;
      }
      int typeId = property.typeId;
      if (typeId == 0) {
        typeId = _writerLocator.findSerializationType(value.getClass());
      }
      _generator.writeFieldName(name);
      _writeValue(value, typeId);
    }
    _generator.writeEndObject();
  }
}
