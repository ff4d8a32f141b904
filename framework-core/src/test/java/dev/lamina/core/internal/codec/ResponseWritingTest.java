package dev.lamina.core.internal.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lamina.core.codec.Codecs;
import dev.lamina.core.codec.PayloadCodec;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Responses are written as the fixture shows them and as the runtime writes them. */
class ResponseWritingTest {
  private static final PayloadCodec CODEC = Codecs.standard();
  private static final ObjectMapper TREES = new ObjectMapper();

  static Stream<Arguments> responses() {
    return Stream.of(
        Arguments.of("SQSBatchResponse/sqs_batch_response.json", SQSBatchResponse.class),
        Arguments.of(
            "APIGatewayProxyResponseEvent/apigw_proxy_response.json",
            APIGatewayProxyResponseEvent.class),
        Arguments.of(
            "APIGatewayV2HTTPResponse/apigw_v2_http_response.json",
            APIGatewayV2HTTPResponse.class));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("responses")
  void response_isWrittenAsTheFixture_andAsTheRuntimeWritesIt(String file, Class<?> type)
      throws Exception {
    byte[] fixture = EventEquivalenceTest.fixtureBytes(file);
    Object response = CODEC.read(fixture, type);

    JsonNode lamina = TREES.readTree(CODEC.writeBytes(response));

    assertEquals(TREES.readTree(fixture), lamina, "against the fixture");
    assertEquals(TREES.readTree(RuntimeOracle.write(response)), lamina, "against the runtime");
  }

  @Test
  void streamsEventResponse_isWrittenAsTheRuntimeWritesIt() throws Exception {
    StreamsEventResponse response =
        new StreamsEventResponse(
            List.of(
                new StreamsEventResponse.BatchItemFailure(
                    "49590338271490256608559692538361571095921575989136588898")));

    JsonNode lamina = TREES.readTree(CODEC.writeBytes(response));

    assertEquals(TREES.readTree(RuntimeOracle.write(response)), lamina);
    assertEquals(
        "49590338271490256608559692538361571095921575989136588898",
        lamina.path("batchItemFailures").path(0).path("itemIdentifier").asText());
  }
}
