package dev.lamina.core.internal.codec.jr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import dev.lamina.core.internal.codec.LenientJsonFactory;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What jr reads and writes itself, and what it hands to databind: by type, or by document. */
class JrEngineTest {
  private final JrEngine jr = new JrEngine(LenientJsonFactory.create());

  public enum Size {
    S,
    M
  }

  public record Line(String sku, int qty, BigDecimal price, Size size, List<String> tags) {}

  public record Order(String id, List<Line> lines, Map<String, Line> byId) {}

  public record WithTree(String id, JsonNode extra) {}

  public record WithInstant(String id, Instant at) {}

  public record WithEvent(SQSEvent event) {}

  public record WithOptional(Optional<String> name) {}

  public record WithIntKeys(Map<Integer, String> names) {}

  public record Annotated(@JsonProperty("ID") String id) {}

  public static class Bean {
    private String name;

    public String getName() {
      return name;
    }

    public void setName(String name) {
      this.name = name;
    }
  }

  public static class BeanWithDate {
    public Date getWhen() {
      return null;
    }
  }

  public static class TreeNodeBean {
    public TreeNodeBean next;
  }

  public enum Shouting {
    LOUD;

    @Override
    public String toString() {
      return "loud";
    }
  }

  List<Line> listOfLines;
  Map<String, Line> mapOfLines;
  List<List<Line>> listOfLists;
  Map<Integer, Line> intKeyed;

  @Test
  void recordsBeansScalarsAndContainers_areReadByJr() throws Exception {
    String line = "{\"sku\":\"a\",\"qty\":1,\"price\":2.5,\"size\":\"M\",\"tags\":[\"t\"]}";

    assertEquals(
        new Line("a", 1, new BigDecimal("2.5"), Size.M, List.of("t")), read(line, Line.class));
    Order order = (Order) read("{\"id\":\"o\",\"lines\":[" + line + "],\"byId\":{}}", Order.class);
    assertEquals("o", order.id());
    assertEquals("n", ((Bean) read("{\"name\":\"n\"}", Bean.class)).getName());
    assertEquals(3, (Integer) read("3", int.class));
    assertEquals(Size.S, read("\"S\"", Size.class));
    assertEquals(List.of(1, "x"), read("[1,\"x\"]", List.class));
    assertEquals(Map.of("a", true), read("{\"a\":true}", Map.class));
    assertEquals(1, ((List<?>) read("[" + line + "]", field("listOfLines"))).size());
    assertEquals(1, ((Map<?, ?>) read("{\"k\":" + line + "}", field("mapOfLines"))).size());
    assertTrue(((TreeNodeBean) read("{\"next\":{}}", TreeNodeBean.class)).next != null);
  }

  @Test
  void typesJrDoesNotHandleAsDatabind_areDeclinedForGood() {
    for (Type t :
        List.of(
            JsonNode.class,
            SQSEvent.class,
            APIGatewayV2HTTPEvent.class,
            WithTree.class,
            WithInstant.class,
            WithEvent.class,
            WithOptional.class,
            WithIntKeys.class,
            Annotated.class,
            BeanWithDate.class,
            Shouting.class,
            Instant.class,
            int[].class)) {
      JrDeclined declined = assertThrows(JrDeclined.class, () -> read("{}", t));
      assertSame(JrDeclined.TYPE, declined, t.getTypeName());
    }
  }

  @Test
  void shapesJrsApiCannotTake_areLeftToDatabind() throws Exception {
    assertTrue(JrEngine.shapeFits(field("listOfLines")));
    assertFalse(JrEngine.shapeFits(field("listOfLists")));
    assertFalse(JrEngine.shapeFits(field("intKeyed")));
    assertFalse(JrEngine.shapeFits(LinkedHashMap.class));
  }

  @Test
  void documentsNeedingACoercion_areDeclinedThisTimeOnly() {
    for (String document :
        List.of(
            "{\"sku\":\"a\",\"qty\":\"2\"}",
            "{\"qty\":2.5}",
            "{\"size\":\"XL\"}",
            "{\"tags\":\"solo\"}",
            "[{\"sku\":\"a\"}]",
            "\"\"",
            "{\"sku\":\"a\",\"sku\":\"b\"}",
            "{\"sku\":")) {
      JrDeclined declined = assertThrows(JrDeclined.class, () -> read(document, Line.class));
      assertSame(JrDeclined.DOCUMENT, declined, document);
    }
  }

  @Test
  void valuesJrDoesNotWriteAsDatabind_areDeclined() {
    Map<String, Object> withInstant = new LinkedHashMap<>();
    withInstant.put("at", Instant.EPOCH);

    assertSame(JrDeclined.TYPE, assertThrows(JrDeclined.class, () -> jr.write(withInstant)));
    assertSame(
        JrDeclined.TYPE,
        assertThrows(JrDeclined.class, () -> jr.write(new WithInstant("i", null))));
    assertSame(JrDeclined.TYPE, assertThrows(JrDeclined.class, () -> jr.write(Shouting.LOUD)));
    assertEquals(
        "{\"name\":\"n\"}", new String(jr.write(Map.of("name", "n")), StandardCharsets.UTF_8));
  }

  private Object read(String json, Type type) {
    return jr.read(json.getBytes(StandardCharsets.UTF_8), type);
  }

  private static Type field(String name) throws NoSuchFieldException {
    return JrEngineTest.class.getDeclaredField(name).getGenericType();
  }
}
