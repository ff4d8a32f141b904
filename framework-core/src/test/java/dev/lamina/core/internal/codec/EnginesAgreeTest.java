package dev.lamina.core.internal.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import dev.lamina.core.codec.CodecException;
import dev.lamina.core.codec.Codecs;
import dev.lamina.core.codec.PayloadCodec;
import dev.lamina.core.internal.codec.databind.DatabindEngine;
import dev.lamina.core.internal.codec.jr.JrEngine;
import java.io.IOException;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * jackson-jr is only a faster way to the same result: for every input here the standard codec
 * (jr first) and databind alone give the same value or the same failure, and for every value the
 * same bytes. The inputs are the event fixtures read as untyped maps, and records, beans, scalars
 * and containers, well-formed and not.
 *
 * <p>This test is the list of differences between the engines: where they differ, one behaviour was
 * chosen (databind's, which is the runtime's) and jr hands the document to databind.
 */
class EnginesAgreeTest {
  private static final PayloadCodec STANDARD = Codecs.standard();
  private static final DatabindOnly DATABIND = new DatabindOnly();

  public enum Size {
    S,
    M,
    L
  }

  public record Item(String sku, int qty) {}

  public record Basket(
      String id,
      List<Item> items,
      Map<String, Item> bySku,
      long total,
      Boolean gift,
      Size size,
      BigDecimal price,
      BigInteger big,
      double ratio,
      float share) {}

  public record Small(short count, byte flags) {}

  public static class Address {
    private String city;
    private String zip;

    public String getCity() {
      return city;
    }

    public void setCity(String city) {
      this.city = city;
    }

    public String getZip() {
      return zip;
    }

    public void setZip(String zip) {
      this.zip = zip;
    }
  }

  public static class Customer {
    private String name;
    private int age;
    private boolean active;
    private Boolean vip;
    private List<String> tags;
    private Address address;

    public String getName() {
      return name;
    }

    public void setName(String name) {
      this.name = name;
    }

    public int getAge() {
      return age;
    }

    public void setAge(int age) {
      this.age = age;
    }

    public boolean isActive() {
      return active;
    }

    public void setActive(boolean active) {
      this.active = active;
    }

    public Boolean isVip() {
      return vip;
    }

    public void setVip(Boolean vip) {
      this.vip = vip;
    }

    public List<String> getTags() {
      return tags;
    }

    public void setTags(List<String> tags) {
      this.tags = tags;
    }

    public Address getAddress() {
      return address;
    }

    public void setAddress(Address address) {
      this.address = address;
    }

    public String getDisplayName() {
      return name == null ? null : name.toUpperCase(java.util.Locale.ROOT);
    }

    public String getCode() {
      return "c-" + age;
    }
  }

  public static class Fields {
    public String label;
    public long count;
    public List<Integer> numbers;
  }

  public static class Base {
    private String id;

    public String getId() {
      return id;
    }

    public void setId(String id) {
      this.id = id;
    }
  }

  public static class Derived extends Base {
    private String extra;

    public String getExtra() {
      return extra;
    }

    public void setExtra(String extra) {
      this.extra = extra;
    }
  }

  public static class Named {
    private final String value;

    public Named(String value) {
      this.value = value;
    }

    public String getValue() {
      return value;
    }
  }

  private static final String BASKET =
      "{\"id\":\"b-1\",\"items\":[{\"sku\":\"a\",\"qty\":2}],"
          + "\"bySku\":{\"a\":{\"sku\":\"a\",\"qty\":2}},\"total\":12,\"gift\":true,\"size\":\"M\","
          + "\"price\":12.50,\"big\":123456789012345678901234567890,\"ratio\":0.25,\"share\":0.5}";
  private static final String CUSTOMER =
      "{\"name\":\"Ada\",\"age\":36,\"active\":true,"
          + "\"vip\":true,\"tags\":[\"x\"],\"address\":{\"city\":\"Paris\",\"zip\":\"75001\"},"
          + "\"displayName\":\"ignored\"}";
  private static final JrEngine JR = new JrEngine(LenientJsonFactory.create());

  List<Item> listOfItems;
  Map<String, Item> mapOfItems;
  List<String> listOfStrings;
  Map<String, Object> mapOfObjects;

  static Stream<Arguments> documents() throws Exception {
    List<Arguments> cases = new ArrayList<>();
    String basket = BASKET;
    add(cases, Basket.class, basket);
    add(cases, Basket.class, "{\"total\":\"12\",\"gift\":\"true\",\"id\":7,\"ratio\":\"0.5\"}");
    add(cases, Basket.class, "{\"total\":12.9,\"big\":1.5e3}");
    add(cases, Small.class, "{\"count\":3,\"flags\":7}");
    add(cases, Small.class, "{\"count\":3.7,\"flags\":200}");
    add(cases, Basket.class, "{\"items\":{\"sku\":\"a\",\"qty\":1}}");
    add(cases, Basket.class, "{\"size\":\"XL\"}");
    add(cases, Basket.class, "{\"size\":1}");
    add(cases, Basket.class, "{\"size\":9}");
    add(cases, Basket.class, "{\"size\":\"\"}");
    add(cases, Basket.class, "{\"total\":null,\"ratio\":null,\"gift\":null}");
    add(cases, Basket.class, "{\"total\":99999999999999999999}");
    add(cases, Small.class, "{\"count\":70000}");
    add(cases, Small.class, "{\"flags\":300}");
    add(cases, Basket.class, "{\"gift\":\"maybe\"}");
    add(cases, Basket.class, "{\"gift\":1}");
    add(cases, Basket.class, "{\"id\":{\"nested\":true}}");
    add(cases, Basket.class, "{\"id\":[\"x\"]}");
    add(cases, Basket.class, "{\"id\":[\"x\",\"y\"]}");
    add(cases, Basket.class, "{\"total\":[5]}");
    add(cases, Basket.class, "{\"total\":true}");
    add(cases, Basket.class, "{\"bySku\":{\"k\":{\"sku\":\"a\",\"qty\":\"lots\"}}}");
    add(
        cases,
        Basket.class,
        "{\"items\":[{\"sku\":\"a\",\"qty\":1},{\"sku\":\"b\",\"qty\":1.5e400}]}");
    add(cases, Basket.class, "{\"id\": \"b-1");
    add(cases, Basket.class, "{\"items\":[{\"sku\":oops}]}");
    add(cases, Basket.class, "[" + basket + "]");
    add(cases, Basket.class, "[]");
    add(cases, Basket.class, "\"\"");
    add(cases, Basket.class, "\"b-1\"");
    add(cases, Basket.class, "42");
    add(cases, Basket.class, "null");
    add(cases, Item.class, "{\"sku\":\"a\"}");
    add(cases, Item.class, "{\"sku\":\"a\",\"qty\":1,\"sku\":\"b\"}");
    add(cases, Item.class, "{'sku':'a',qty:01}");
    add(cases, Customer.class, CUSTOMER);
    add(cases, Customer.class, "{\"tags\":\"solo\",\"address\":\"\"}");
    add(cases, Customer.class, "{\"address\":[]}");
    add(cases, Fields.class, "{\"label\":\"l\",\"count\":\"4\",\"numbers\":[1,\"2\",3.0]}");
    add(cases, Derived.class, "{\"id\":\"d-1\",\"extra\":\"e\"}");
    add(cases, Named.class, "{\"value\":\"v\"}");
    add(cases, Named.class, "\"v\"");
    add(cases, Size.class, "\"L\"");
    add(cases, Size.class, "\"l\"");
    add(cases, String.class, "\"text\"");
    add(cases, String.class, "7");
    add(cases, String.class, "true");
    add(cases, String.class, "{\"a\":1}");
    add(cases, String.class, "[\"a\"]");
    add(cases, Integer.class, "7");
    add(cases, Integer.class, "\"7\"");
    add(cases, Integer.class, "7.9");
    add(cases, Integer.class, "\"\"");
    add(cases, Integer.class, "null");
    add(cases, int.class, "null");
    add(cases, Long.class, "1e3");
    add(cases, Double.class, "\"NaN\"");
    add(cases, Double.class, "NaN");
    add(cases, Boolean.class, "\"TRUE\"");
    add(cases, Boolean.class, "0");
    add(cases, BigDecimal.class, "1.50");
    add(cases, BigInteger.class, "\"12\"");
    add(
        cases,
        Object.class,
        "{\"a\":[1,2.5,\"x\",null,true,{\"b\":12345678901234}],\"c\":99999999999999999999}");
    add(cases, Map.class, "{\"a\":1}");
    add(cases, Map.class, "[1]");
    add(cases, Map.class, "\"\"");
    add(cases, List.class, "[1,{\"a\":null}]");
    add(cases, List.class, "{\"a\":1}");
    add(cases, List.class, "1");
    add(cases, field("listOfItems"), "[{\"sku\":\"a\",\"qty\":1},null]");
    add(cases, field("listOfItems"), "{\"sku\":\"a\",\"qty\":1}");
    add(cases, field("mapOfItems"), "{\"x\":{\"sku\":\"x\",\"qty\":1},\"y\":null}");
    add(cases, field("listOfStrings"), "[\"a\",1,true,null]");
    add(cases, field("mapOfObjects"), "{\"k\":[1,2]}");
    add(cases, String.class, "");
    add(cases, Basket.class, "   ");
    for (Path fixture : eventFixtures()) {
      String json = Files.readString(fixture);
      String label = fixture.getParent().getFileName() + "/" + fixture.getFileName();
      add(cases, Map.class, json, label);
      add(cases, Object.class, json, label);
    }
    return cases.stream();
  }

  static Stream<Arguments> values() {
    Basket basket =
        new Basket(
            "b-1",
            List.of(new Item("a", 2)),
            Map.of("a", new Item("a", 2)),
            12,
            null,
            Size.M,
            new BigDecimal("12.50"),
            new BigInteger("123456789012345678901234567890"),
            0.25,
            0.5f);
    Customer customer = new Customer();
    customer.setName("Ada");
    customer.setAge(36);
    customer.setActive(true);
    customer.setVip(Boolean.TRUE);
    customer.setTags(List.of("x", "y"));
    Address address = new Address();
    address.setCity("Zürich");
    customer.setAddress(address);
    Fields fields = new Fields();
    fields.label = "l";
    fields.numbers = Arrays.asList(1, null, 3);
    Derived derived = new Derived();
    derived.setId("d-1");
    derived.setExtra("e");
    Map<String, Object> withNulls = new LinkedHashMap<>();
    withNulls.put("present", "p");
    withNulls.put("absent", null);
    withNulls.put("list", Arrays.asList("a", null));
    Map<String, Object> numbers = new LinkedHashMap<>();
    numbers.put("int", 1);
    numbers.put("long", 12345678901234L);
    numbers.put("double", 1.0);
    numbers.put("big", new BigDecimal("1E+3"));
    numbers.put("float", 0.1f);
    numbers.put("huge", 1e300);
    numbers.put("size", Size.L);
    Map<Integer, String> intKeys = new TreeMap<>(Map.of(2, "two", 1, "one"));
    Map<Size, Integer> enumKeys = new TreeMap<>(Map.of(Size.S, 1, Size.L, 3));
    return Stream.of(
        Arguments.of("record", basket),
        Arguments.of("record of short and byte", new Small((short) 3, (byte) -7)),
        Arguments.of("bean with is-getters and computed getters", customer),
        Arguments.of("bean with public fields", fields),
        Arguments.of("bean with a superclass", derived),
        Arguments.of("bean without a setter", new Named("v")),
        Arguments.of("empty bean", new Object()),
        Arguments.of("map with null values", withNulls),
        Arguments.of("numbers in a map", numbers),
        Arguments.of("integer keys", intKeys),
        Arguments.of("enum keys", enumKeys),
        Arguments.of("list of records", List.of(new Item("a", 1), new Item("b", 2))),
        Arguments.of("string", "line\nbreak \u2028 \"quoted\" \uD83D\uDE00"),
        Arguments.of("enum", Size.S),
        Arguments.of("null", null));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("documents")
  void reading_givesTheSameValueOrFailure(String label, String json, Type type) {
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    Outcome standard = Outcome.of(() -> STANDARD.read(bytes, type));
    Outcome databind = Outcome.of(() -> DATABIND.read(bytes, type));

    assertEquals(
        databind.failure(),
        standard.failure(),
        label + ": failure (class and JSON path), databind first");
    if (databind.failure() == null) {
      FieldGraphWalker.firstDifference(databind.value(), standard.value())
          .ifPresent(path -> fail(label + ": first difference at " + path + " (databind, ours)"));
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("values")
  void writing_givesTheSameBytesOrFailure(String name, Object value) {
    Outcome standard = Outcome.of(() -> STANDARD.writeBytes(value));
    Outcome databind = Outcome.of(() -> DATABIND.writeBytes(value));

    assertEquals(
        databind.failure(),
        standard.failure(),
        name + ": failure (class and JSON path), databind first");
    if (databind.failure() == null) {
      assertEquals(
          new String((byte[]) databind.value(), StandardCharsets.UTF_8),
          new String((byte[]) standard.value(), StandardCharsets.UTF_8));
      assertArrayEquals((byte[]) databind.value(), (byte[]) standard.value());
    }
  }

  /** Without these, a jr that declined everything would agree with databind too. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("wellTyped")
  void wellTypedDocuments_areReadByJrItself(String label, String json, Type type) {
    JR.read(json.getBytes(StandardCharsets.UTF_8), type);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("values")
  void plainValues_areWrittenByJrItself(String name, Object value) {
    if (value != null && !(value instanceof Small)) {
      JR.write(value);
    }
  }

  static Stream<Arguments> wellTyped() throws Exception {
    List<Arguments> cases = new ArrayList<>();
    add(cases, Basket.class, BASKET);
    add(cases, Customer.class, CUSTOMER);
    add(cases, Fields.class, "{\"label\":\"l\",\"count\":4,\"numbers\":[1,null,3]}");
    add(cases, Derived.class, "{\"id\":\"d-1\",\"extra\":\"e\"}");
    add(cases, field("listOfItems"), "[{\"sku\":\"a\",\"qty\":1},null]");
    add(cases, field("mapOfObjects"), "{\"k\":[1,2]}");
    add(cases, String.class, "\"text\"");
    for (Path fixture : eventFixtures()) {
      add(cases, Object.class, Files.readString(fixture), fixture.getFileName().toString());
    }
    return cases.stream();
  }

  /** A value, or the class and JSON path of the codec exception that stood for one. */
  record Outcome(Object value, String failure) {
    static Outcome of(java.util.function.Supplier<Object> call) {
      try {
        return new Outcome(call.get(), null);
      } catch (CodecException e) {
        return new Outcome(null, e.getClass().getSimpleName() + " at " + e.jsonPath());
      }
    }
  }

  /** Only databind, with the standard codec's checks and translation of failures. */
  static final class DatabindOnly {
    private final DatabindEngine databind = new DatabindEngine();

    Object read(byte[] json, Type type) {
      if (new String(json, StandardCharsets.UTF_8).isBlank()) {
        throw FailureTranslator.emptyInput(type);
      }
      try {
        return databind.read(json, type);
      } catch (IOException e) {
        throw FailureTranslator.readFailure(e, type);
      }
    }

    byte[] writeBytes(Object value) {
      try {
        return databind.write(value);
      } catch (IOException e) {
        throw FailureTranslator.writeFailure(e, value == null ? Object.class : value.getClass());
      }
    }
  }

  private static void add(List<Arguments> cases, Type type, String json) {
    add(cases, type, json, json.length() > 70 ? json.substring(0, 70) + "..." : json);
  }

  private static void add(List<Arguments> cases, Type type, String json, String label) {
    String typeName = type.getTypeName().replace(EnginesAgreeTest.class.getName() + "$", "");
    cases.add(Arguments.of(typeName + " <- " + label, json, type));
  }

  private static Type field(String name) throws NoSuchFieldException {
    return EnginesAgreeTest.class.getDeclaredField(name).getGenericType();
  }

  private static List<Path> eventFixtures() throws Exception {
    Path root = Path.of(EnginesAgreeTest.class.getResource("/events").toURI());
    try (Stream<Path> files = Files.walk(root)) {
      return files.filter(p -> p.toString().endsWith(".json")).sorted().toList();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
