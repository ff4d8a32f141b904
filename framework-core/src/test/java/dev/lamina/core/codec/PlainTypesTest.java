package dev.lamina.core.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Records, beans, maps, lists and strings, the types jackson-jr serves: the runtime's leniency
 * (databind takes over a document that needs it), the failure contract, and databind writing the
 * values jr must not.
 */
class PlainTypesTest {
  private static final String SECRET = "sk_live_9Zq7SECRETv4lue";
  private final PayloadCodec codec = Codecs.standard();

  public record Item(String sku, int qty) {}

  public record Basket(
      String id, List<Item> items, Map<String, Item> bySku, long total, Boolean gift) {}

  public static class Ordered {
    private String zeta = "z";
    private String alpha = "a";

    public String getZeta() {
      return zeta;
    }

    public String getAlpha() {
      return alpha;
    }
  }

  Map<String, Item> itemsBySku;
  List<Item> itemList;

  @Test
  void record_missingPrimitive_isZero_andUnknownPropertiesIgnored() {
    Item item = codec.read(json("{\"sku\":\"a\",\"extra\":[{\"x\":1}]}"), Item.class);

    assertEquals(new Item("a", 0), item);
  }

  @Test
  void scalars_coerceLikeDatabind() {
    Basket basket =
        codec.read(
            json(
                "{\"items\":{\"sku\":\"a\",\"qty\":\"2\"},\"total\":3.9,\"gift\":\"true\",\"id\":7}"),
            Basket.class);

    assertEquals(List.of(new Item("a", 2)), basket.items(), "single value as array, text as int");
    assertEquals(3, basket.total(), "float truncated to long");
    assertEquals(Boolean.TRUE, basket.gift());
    assertEquals("7", basket.id(), "number as text");
  }

  @Test
  void beanProperties_areWrittenInFieldOrder_likeDatabind() {
    assertEquals(
        "{\"zeta\":\"z\",\"alpha\":\"a\"}",
        new String(codec.writeBytes(new Ordered()), StandardCharsets.UTF_8));
  }

  @Test
  void genericMapsAndLists_readTheirElementType() throws Exception {
    Map<String, Item> map =
        codec.read(json("{\"x\":{\"sku\":\"x\",\"qty\":1}}"), field("itemsBySku"));
    List<Item> list = codec.read(json("[{\"sku\":\"y\",\"qty\":2}]"), field("itemList"));

    assertEquals(Map.of("x", new Item("x", 1)), map);
    assertEquals(List.of(new Item("y", 2)), list);
  }

  @Test
  void jsonNode_stillReads_throughDatabind() {
    JsonNode tree = codec.read(json("{\"a\":[1,2]}"), JsonNode.class);

    assertEquals(2, tree.path("a").path(1).asInt());
  }

  @Test
  void valueJrMustNotWrite_isWrittenByDatabind() {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("at", new java.util.Date(1000));
    map.put("item", new Item("a", 1));

    String json = new String(codec.writeBytes(map), StandardCharsets.UTF_8);

    assertTrue(json.startsWith("{\"at\":1000,"), json + " (databind writes dates as timestamps)");
    assertTrue(json.endsWith("\"item\":{\"sku\":\"a\",\"qty\":1}}"), json);
  }

  @Test
  void typeMismatchDeepInside_isInputMismatch_namingTypeAndPath() {
    byte[] input =
        json("{\"id\":\"b\",\"bySku\":{\"k\":{\"sku\":\"a\",\"qty\":\"" + SECRET + "\"}}}");

    InputMismatchException e =
        assertThrows(InputMismatchException.class, () -> codec.read(input, Basket.class));

    assertEquals("$.bySku.k.qty", e.jsonPath());
    assertTrue(e.getMessage().contains("[" + Basket.class.getTypeName() + "]"), e.getMessage());
    assertNoPayloadIn(e);
  }

  @Test
  void numberTooLarge_isInputMismatch() {
    InputMismatchException e =
        assertThrows(
            InputMismatchException.class,
            () -> codec.read(json("[{\"sku\":\"a\",\"qty\":99999999999}]"), itemListType()));

    assertEquals("$[0].qty", e.jsonPath());
  }

  @Test
  void objectWhereStringExpected_isInputMismatch_atTheRoot() {
    InputMismatchException e =
        assertThrows(
            InputMismatchException.class,
            () -> codec.read(json("{\"a\":\"" + SECRET + "\"}"), String.class));

    assertEquals("$", e.jsonPath());
    assertNoPayloadIn(e);
  }

  @Test
  void truncatedDocument_isMalformedInput_withoutThePayload() {
    MalformedInputException e =
        assertThrows(
            MalformedInputException.class,
            () -> codec.read(json("{\"id\": \"" + SECRET), Basket.class));

    assertEquals("$.id", e.jsonPath());
    assertNoPayloadIn(e);
  }

  @Test
  void invalidJson_isMalformedInput_withItsPath() {
    MalformedInputException e =
        assertThrows(
            MalformedInputException.class,
            () -> codec.read(json("{\"items\":[{\"sku\":" + SECRET + "}]}"), Basket.class));

    assertEquals("$.items[0].sku", e.jsonPath());
    assertNoPayloadIn(e);
  }

  @Test
  void emptyInput_isMalformedInput_forEveryJrType() {
    for (Type type : List.of(Item.class, String.class, Map.class, List.class, Integer.class)) {
      MalformedInputException e =
          assertThrows(MalformedInputException.class, () -> codec.read(new byte[0], type));
      assertEquals("$", e.jsonPath());
    }
  }

  @Test
  void unknownEnumAndEmptyString_readAsNull() {
    assertNull(codec.read(json("\"\""), Item.class));
    assertNull(codec.read(json("[]"), Item.class));
    assertEquals(new Item("a", 1), codec.read(json("[{\"sku\":\"a\",\"qty\":1}]"), Item.class));
  }

  @Test
  void getterThatThrows_inAList_isOutputEncoding_withThePath() {
    List<Object> value =
        new ArrayList<>(
            List.of("ok", new CodecFailureTest.Outer(new CodecFailureTest.Exploding())));

    OutputEncodingException e =
        assertThrows(OutputEncodingException.class, () -> codec.writeBytes(value));

    assertEquals("$[1].inner.value", e.jsonPath());
    assertFalse(e.getMessage().contains(SECRET));
  }

  private Type itemListType() {
    try {
      return field("itemList");
    } catch (NoSuchFieldException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Type field(String name) throws NoSuchFieldException {
    return PlainTypesTest.class.getDeclaredField(name).getGenericType();
  }

  private static byte[] json(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static void assertNoPayloadIn(Throwable e) {
    List<Throwable> seen = new ArrayList<>();
    for (Throwable t = e; t != null && !seen.contains(t); t = t.getCause()) {
      seen.add(t);
      assertFalse(
          String.valueOf(t.getMessage()).contains(SECRET), "payload in " + t.getClass().getName());
    }
    assertTrue(seen.size() > 1, "the cause is kept for its stack trace");
  }
}
