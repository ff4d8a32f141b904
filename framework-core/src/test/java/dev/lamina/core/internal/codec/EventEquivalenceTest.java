package dev.lamina.core.internal.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.amazonaws.services.lambda.runtime.events.CloudFormationCustomResourceEvent;
import com.amazonaws.services.lambda.runtime.events.CloudFrontEvent;
import com.amazonaws.services.lambda.runtime.events.CloudWatchLogsEvent;
import com.amazonaws.services.lambda.runtime.events.CodeCommitEvent;
import com.amazonaws.services.lambda.runtime.events.ConnectEvent;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.DynamodbTimeWindowEvent;
import com.amazonaws.services.lambda.runtime.events.KinesisEvent;
import com.amazonaws.services.lambda.runtime.events.KinesisTimeWindowEvent;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.events.SecretsManagerRotationEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lamina.core.codec.Codecs;
import dev.lamina.core.codec.OutputEncodingException;
import dev.lamina.core.codec.PayloadCodec;
import dev.lamina.core.internal.codec.databind.LenientMapperFactory;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every event class reads and writes through Lamina's codec exactly as the Lambda Java runtime
 * reads and writes it, with the runtime's own codec ({@link RuntimeOracle}) as the judge.
 *
 * <p><b>Which classes.</b> No list is kept here: the classes are every top-level class of the
 * {@code aws-lambda-java-events} jar's {@code events} package, scanned from the jar, together with
 * every class on the runtime's event-codec list, read from {@code aws-lambda-java-serialization}.
 * Each must have at least one fixture in {@code events/<SimpleName>/} or the test fails, except the
 * few in {@link #NOT_TESTED}, each with its reason. A new version of either jar brings its new
 * classes in by itself.
 *
 * <p><b>Reading</b> is compared on the object graphs, field by field ({@link FieldGraphWalker}):
 * dates by instant, {@code ByteBuffer}s by content, joda date-times by instant. The runtime's
 * graph must hold at least one value, so a fixture the runtime cannot read at all is caught.
 *
 * <p><b>Writing</b> is compared on the JSON: the runtime's object is written by both codecs and
 * the two documents are compared as JSON trees. Trees rather than bytes, because the order of a
 * JSON object's members carries no meaning and the two mappers find properties in different
 * orders; trees rather than reading both documents back, because a name both codecs get wrong in
 * the same way reads back equal, while a tree shows every name, which {@code null}s are left out,
 * each number's type (an epoch-seconds {@code 1.71E9} is not {@code 1710000000}) and the spelling
 * of dates and base64 data.
 */
class EventEquivalenceTest {
  private static final PayloadCodec CODEC = Codecs.standard();
  private static final ObjectMapper TREES = new ObjectMapper();
  private static final String EVENTS_PACKAGE = "com/amazonaws/services/lambda/runtime/events/";

  /** Classes the runtime lists or the events jar holds that are not tested, and why. */
  private static final Map<String, String> NOT_TESTED =
      Map.of(
          "com.amazonaws.services.lambda.runtime.events.CognitoUserPoolEvent",
          "abstract: the common base of the Cognito user pool triggers, each tested on its own",
          "com.amazonaws.services.s3.event.S3EventNotification",
          "AWS SDK v1's S3 model: not on core's class path; Lamina reads it with the plain mapper");

  /**
   * Classes Lamina writes differently on purpose, and why; for these the test checks that writing
   * fails with Lamina's {@link OutputEncodingException} instead of guessing.
   */
  private static final Map<String, String> WRITTEN_DIFFERENTLY =
      Map.of(
          "com.amazonaws.services.lambda.runtime.events.APIGatewayV2CustomAuthorizerEvent",
          "its getters return java.time.Instant and joda DateTime, which the runtime writes as decimal"
              + " seconds and as a bean of twenty calendar fields; Lamina registers no java.time module"
              + " and does not write joda types as beans. An authorizer reads this event, never"
              + " returns it");

  @Test
  void everyEventClass_hasAFixture() {
    List<String> missing =
        eventClasses().stream().filter(c -> fixturesOf(c).isEmpty()).map(Class::getName).toList();

    assertTrue(missing.isEmpty(), "no fixture in events/<SimpleName>/ for " + missing);
  }

  @Test
  void everyExclusion_namesAClassStillThere() {
    TreeSet<String> all = new TreeSet<>(RuntimeOracle.supportedEvents());
    all.addAll(scannedEventClassNames());

    assertTrue(all.containsAll(NOT_TESTED.keySet()), "stale exclusion in " + NOT_TESTED.keySet());
    assertTrue(
        all.containsAll(WRITTEN_DIFFERENTLY.keySet()),
        "stale entry in " + WRITTEN_DIFFERENTLY.keySet());
  }

  @Test
  void laminasEventCodecList_isTheRuntimes() {
    TreeSet<String> runtime = new TreeSet<>(RuntimeOracle.supportedEvents());
    runtime.removeAll(NOT_TESTED.keySet());
    TreeSet<String> lamina = new TreeSet<>();
    for (String name : runtime) {
      if (EventRouting.usesEventCodec(load(name))) {
        lamina.add(name);
      }
    }

    assertEquals(runtime, lamina);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fixtures")
  void fixture_readsLikeTheRuntime(String fixture, Class<?> type) throws IOException {
    byte[] json = fixtureBytes(fixture);

    Object runtime = RuntimeOracle.read(json, type);
    Object lamina = CODEC.read(json, type);

    assertTrue(FieldGraphWalker.valueCount(runtime) > 0, fixture + ": the runtime read no value");
    FieldGraphWalker.firstDifference(runtime, lamina)
        .ifPresent(path -> fail(fixture + ": first difference at " + path + " (runtime, Lamina)"));
  }

  /** Where the runtime cannot write a value, Lamina must fail too, with its own exception. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("fixtures")
  void fixture_writesLikeTheRuntime(String fixture, Class<?> type) throws IOException {
    byte[] json = fixtureBytes(fixture);
    if (WRITTEN_DIFFERENTLY.containsKey(type.getName())) {
      assertThrows(
          OutputEncodingException.class, () -> CODEC.writeBytes(RuntimeOracle.read(json, type)));
      return;
    }
    byte[] written;
    try {
      written = RuntimeOracle.write(RuntimeOracle.read(json, type));
    } catch (RuntimeException runtimeFailure) {
      assertThrows(
          OutputEncodingException.class,
          () -> CODEC.writeBytes(RuntimeOracle.read(json, type)),
          fixture
              + ": the runtime cannot write it ("
              + runtimeFailure.getClass().getName()
              + "), nor may Lamina");
      return;
    }

    JsonNode runtime = TREES.readTree(written);
    JsonNode lamina = TREES.readTree(CODEC.writeBytes(RuntimeOracle.read(json, type)));

    assertEquals(runtime, lamina, fixture + ": runtime's JSON, then Lamina's");
  }

  /** The eight classes that once read as empty objects: each now carries its values. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("valueProbes")
  void formerlyEmptyClass_readsItsValues(
      String fixture, Class<?> type, Function<Object, Object> probe, Object expected)
      throws IOException {
    byte[] json = fixtureBytes(fixture);

    assertEquals(expected, probe.apply(CODEC.read(json, type)));
    assertEquals(expected, probe.apply(RuntimeOracle.read(json, type)), "the runtime agrees");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("eventCodecFixtures")
  void baseMapperWithoutEventSupport_isCaughtAsDifferent(String fixture, Class<?> type)
      throws Exception {
    byte[] json = fixtureBytes(fixture);
    Object plain = LenientMapperFactory.create().readValue(json, type);

    assertTrue(
        FieldGraphWalker.firstDifference(RuntimeOracle.read(json, type), plain).isPresent(),
        "the comparison must notice a codec without the event mix-ins");
  }

  static Stream<Arguments> fixtures() {
    return eventClasses().stream()
        .flatMap(c -> fixturesOf(c).stream().map(f -> Arguments.of(f, c)));
  }

  static Stream<Arguments> valueProbes() {
    return Stream.of(
        probe(
            "CloudFormationCustomResourceEvent/cfn_create_request.json",
            CloudFormationCustomResourceEvent.class,
            e ->
                e.getRequestType()
                    + " "
                    + e.getLogicalResourceId()
                    + " "
                    + e.getResourceProperties().get("Zone"),
            "Create OrdersApiRecord orders.example.net"),
        probe(
            "SecretsManagerRotationEvent/rotation_create_secret.json",
            SecretsManagerRotationEvent.class,
            e -> e.getStep() + " " + e.getClientRequestToken(),
            "createSecret 1f6a8c3e-4b7d-4e2a-9c0f-8d7e6f5a4b3c"),
        probe(
            "CloudWatchLogsEvent/logs_subscription.json",
            CloudWatchLogsEvent.class,
            e -> e.getAwsLogs().getData().substring(0, 12),
            "H4sIAAAAAAAC"),
        probe(
            "CloudFrontEvent/viewer_request.json",
            CloudFrontEvent.class,
            e -> e.getRecords().get(0).getCf().getConfig().getDistributionId(),
            "E2QWRUHEXAMPLE"),
        probe(
            "CodeCommitEvent/reference_changes.json",
            CodeCommitEvent.class,
            e ->
                e.getRecords().get(0).getCodeCommit().getReferences().get(0).getRef()
                    + " "
                    + e.getRecords().get(0).getEventSourceArn(),
            "refs/heads/release-2.4"
                + " arn:aws:codecommit:eu-central-1:210987654321:inventory-service"),
        probe(
            "ConnectEvent/contact_flow.json",
            ConnectEvent.class,
            e -> e.getName() + " " + e.getDetails().getContactData().getContactId(),
            "ContactFlowEvent 9a8b7c6d-5e4f-4a3b-9c2d-1e0f1a2b3c4d"),
        probe(
            "KinesisTimeWindowEvent/tumbling_window.json",
            KinesisTimeWindowEvent.class,
            KinesisTimeWindowEvent::getEventSourceArn,
            "arn:aws:kinesis:eu-west-1:210987654321:stream/telemetry"),
        probe(
            "DynamodbTimeWindowEvent/tumbling_window.json",
            DynamodbTimeWindowEvent.class,
            DynamodbTimeWindowEvent::getEventSourceArn,
            "arn:aws:dynamodb:eu-west-1:210987654321:table/orders/stream/2024-03-01T00:00:00.000"));
  }

  static Stream<Arguments> eventCodecFixtures() {
    return Stream.of(
        Arguments.of("SQSEvent/sqs_event_product.json", SQSEvent.class),
        Arguments.of("KinesisEvent/kinesis_event.json", KinesisEvent.class),
        Arguments.of("DynamodbEvent/dynamo_event.json", DynamodbEvent.class),
        Arguments.of("ConnectEvent/contact_flow.json", ConnectEvent.class));
  }

  /** A fixture's bytes, by its path under {@code events/}, such as {@code SQSEvent/a.json}. */
  static byte[] fixtureBytes(String fixture) throws IOException {
    try (InputStream in = EventEquivalenceTest.class.getResourceAsStream("/events/" + fixture)) {
      if (in == null) {
        throw new IllegalStateException("missing fixture " + fixture);
      }
      return in.readAllBytes();
    }
  }

  /** The runtime's list and the events jar's top-level classes, less {@link #NOT_TESTED}. */
  private static List<Class<?>> eventClasses() {
    TreeSet<String> names = new TreeSet<>(RuntimeOracle.supportedEvents());
    names.addAll(scannedEventClassNames());
    names.removeAll(NOT_TESTED.keySet());
    Map<String, Class<?>> bySimpleName = new TreeMap<>();
    for (String name : names) {
      Class<?> c = load(name);
      Class<?> clash = bySimpleName.put(c.getSimpleName(), c);
      if (clash != null) {
        throw new IllegalStateException(
            "two event classes named "
                + c.getSimpleName()
                + ": fixtures need their own folder scheme");
      }
    }
    return new ArrayList<>(bySimpleName.values());
  }

  private static List<String> scannedEventClassNames() {
    try (JarFile jar =
        new JarFile(
            Path.of(SQSEvent.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                .toFile())) {
      return jar.stream()
          .map(e -> e.getName())
          .filter(n -> n.startsWith(EVENTS_PACKAGE) && n.endsWith(".class"))
          .map(n -> n.substring(EVENTS_PACKAGE.length(), n.length() - ".class".length()))
          .filter(n -> !n.contains("/") && !n.contains("$") && !n.equals("package-info"))
          .map(n -> EVENTS_PACKAGE.replace('/', '.') + n)
          .toList();
    } catch (IOException | URISyntaxException e) {
      throw new IllegalStateException("cannot scan the aws-lambda-java-events jar", e);
    }
  }

  private static List<String> fixturesOf(Class<?> type) {
    Path folder;
    try {
      var url = EventEquivalenceTest.class.getResource("/events/" + type.getSimpleName());
      if (url == null) {
        return List.of();
      }
      folder = Path.of(url.toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
    try (Stream<Path> files = Files.list(folder)) {
      return files
          .map(p -> p.getFileName().toString())
          .filter(n -> n.endsWith(".json"))
          .sorted()
          .map(n -> type.getSimpleName() + "/" + n)
          .toList();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Class<?> load(String name) {
    try {
      return Class.forName(name, false, EventEquivalenceTest.class.getClassLoader());
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException(
          "["
              + name
              + "] is listed but not on the class path;"
              + " add it to NOT_TESTED with a reason",
          e);
    }
  }

  @SuppressWarnings("unchecked")
  private static <T> Arguments probe(
      String fixture, Class<T> type, Function<T, Object> probe, Object expected) {
    return Arguments.of(fixture, type, (Function<Object, Object>) probe, expected);
  }
}
