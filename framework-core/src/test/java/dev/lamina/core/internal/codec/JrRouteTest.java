package dev.lamina.core.internal.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which types go to jackson-jr and which to databind; decided by reflection, once per type. */
class JrRouteTest {
  public enum Size { S, M }

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
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
  }

  public static class BeanWithDate {
    public Date getWhen() { return null; }
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
  void recordsBeansScalarsAndContainers_goToJr() throws Exception {
    for (Type t : List.of(Order.class, Line.class, Bean.class, String.class, Integer.class, int.class, Object.class,
        Map.class, List.class, Size.class)) {
      assertTrue(JrRoute.decide(t).isJr(), t.getTypeName());
    }
    assertEquals(new JrRoute(JrRoute.Kind.LIST, Line.class), JrRoute.decide(field("listOfLines")));
    assertEquals(new JrRoute(JrRoute.Kind.MAP, Line.class), JrRoute.decide(field("mapOfLines")));
  }

  @Test
  void treesEventsTimeOptionalAnnotationsAndCycles_goToDatabind() throws Exception {
    for (Type t : List.of(JsonNode.class, ObjectNode.class, SQSEvent.class, APIGatewayV2HTTPEvent.class,
        WithTree.class, WithInstant.class, WithEvent.class, WithOptional.class, WithIntKeys.class, Annotated.class,
        BeanWithDate.class, TreeNodeBean.class, Shouting.class, Instant.class, int[].class,
        field("listOfLists"), field("intKeyed"))) {
      assertFalse(JrRoute.decide(t).isJr(), t.getTypeName());
    }
  }

  private static Type field(String name) throws NoSuchFieldException {
    return JrRouteTest.class.getDeclaredField(name).getGenericType();
  }
}
