package dev.lamina.core.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the standard codec reads and writes, and how leniently. */
class StandardCodecTest {
  private final PayloadCodec codec = Codecs.standard();

  public record Item(String sku, int qty) {}

  public record Order(String id, List<Item> items) {}

  public enum Colour {
    RED,
    GREEN
  }

  public static class Bean {
    private String name;
    private Colour colour;
    private Item item;
    private List<String> tags;

    public String getName() {
      return name;
    }

    public void setName(String name) {
      this.name = name;
    }

    public Colour getColour() {
      return colour;
    }

    public void setColour(Colour colour) {
      this.colour = colour;
    }

    public Item getItem() {
      return item;
    }

    public void setItem(Item item) {
      this.item = item;
    }

    public List<String> getTags() {
      return tags;
    }

    public void setTags(List<String> tags) {
      this.tags = tags;
    }
  }

  public static class Empty {}

  @Test
  void record_roundTrips() {
    Order order = new Order("o-1", List.of(new Item("a", 2)));

    assertEquals(order, codec.read(codec.writeBytes(order), Order.class));
  }

  @Test
  void genericType_readsElementsAsDeclared() throws Exception {
    Type listOfItems = StandardCodecTest.class.getDeclaredField("itemsType").getGenericType();

    List<Item> items =
        codec.read(json("[{\"sku\":\"a\",\"qty\":1},{\"sku\":\"b\",\"qty\":2}]"), listOfItems);

    assertEquals(List.of(new Item("a", 1), new Item("b", 2)), items);
  }

  @SuppressWarnings("unused")
  private List<Item> itemsType;

  @Test
  void unknownProperty_isIgnored() {
    Item item = codec.read(json("{\"sku\":\"a\",\"qty\":1,\"extra\":{\"x\":[1]}}"), Item.class);

    assertEquals(new Item("a", 1), item);
  }

  @Test
  void singleValue_isAcceptedAsArray() {
    Bean bean = codec.read(json("{\"tags\":\"one\"}"), Bean.class);

    assertEquals(List.of("one"), bean.getTags());
  }

  @Test
  void emptyString_isReadAsNullObject() {
    Bean bean = codec.read(json("{\"name\":\"n\",\"item\":\"\"}"), Bean.class);

    assertNull(bean.getItem());
  }

  @Test
  void unknownEnumValue_isReadAsNull() {
    Bean bean = codec.read(json("{\"colour\":\"PURPLE\"}"), Bean.class);

    assertNull(bean.getColour());
  }

  @Test
  void nullFields_areNotWritten() {
    Bean bean = new Bean();
    bean.setName("n");

    assertEquals("{\"name\":\"n\"}", new String(codec.writeBytes(bean), StandardCharsets.UTF_8));
  }

  @Test
  void emptyBean_isWrittenAsEmptyObject() {
    assertEquals("{}", new String(codec.writeBytes(new Empty()), StandardCharsets.UTF_8));
  }

  @Test
  void null_isWrittenAsJsonNull_andReadBackAsNull() {
    assertEquals("null", new String(codec.writeBytes(null), StandardCharsets.UTF_8));
    assertNull(codec.read(json("null"), Order.class));
  }

  @Test
  void map_andJsonNode_andString_areRead() {
    Map<String, Object> map = codec.read(json("{\"a\":1,\"b\":[true]}"), Map.class);
    JsonNode tree = codec.read(json("{\"a\":{\"b\":2}}"), JsonNode.class);
    String text = codec.read(json("\"hello\""), String.class);

    assertEquals(Map.of("a", 1, "b", List.of(true)), map);
    assertEquals(2, tree.path("a").path("b").asInt());
    assertEquals("hello", text);
  }

  @Test
  void objectWhereStringExpected_isInputMismatch() {
    assertThrows(InputMismatchException.class, () -> codec.read(json("{\"a\":1}"), String.class));
  }

  @Test
  void streams_areReadToTheEnd_andFlushedButNotClosed() {
    ByteArrayInputStream in = new ByteArrayInputStream(json("{\"sku\":\"a\",\"qty\":3}"));
    ClosingTracker out = new ClosingTracker();

    Item item = codec.read(in, Item.class);
    codec.write(out, item);

    assertEquals(new Item("a", 3), item);
    assertEquals("{\"sku\":\"a\",\"qty\":3}", out.toString(StandardCharsets.UTF_8));
    assertTrue(out.flushed);
    assertTrue(!out.closed);
  }

  @Test
  void eachCall_buildsAnIndependentCodec() {
    assertNotSame(Codecs.standard(), Codecs.standard());
  }

  private static byte[] json(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static final class ClosingTracker extends ByteArrayOutputStream {
    boolean flushed;
    boolean closed;

    @Override
    public void flush() {
      flushed = true;
    }

    @Override
    public void close() {
      closed = true;
    }
  }
}
