package dev.lamina.core.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The HTTP event families as the tests send them: a real fixture of each, with the test's
 * headers and body put in the place its source puts them, and the response read back.
 */
enum HttpFamilies {
  /** API Gateway REST API: headers in both maps. */
  REST("APIGatewayProxyRequestEvent/apigw_rest_event.json"),
  /** API Gateway HTTP API (the same event as a function URL's). */
  HTTP_API("APIGatewayV2HTTPEvent/apigw_http_event.json"),
  /** ALB without multi-value headers: plain headers in, plain headers out. */
  ALB("ApplicationLoadBalancerRequestEvent/elb_event.json"),
  /** ALB target group with multi-value headers: only multi-value headers, both ways. */
  ALB_MULTI_VALUE("ApplicationLoadBalancerRequestEvent/elb_event.json");

  static final ObjectMapper JSON = new ObjectMapper();

  private final String fixture;

  HttpFamilies(String fixture) {
    this.fixture = fixture;
  }

  /** The event with these headers (replacing the fixture's) and body. */
  String event(Map<String, String> headers, String body, boolean base64) {
    ObjectNode e = tree(fixture);
    ObjectNode single = JSON.createObjectNode();
    ObjectNode multi = JSON.createObjectNode();
    headers.forEach(
        (name, value) -> {
          single.put(name, value);
          multi.putArray(name).add(value);
        });
    e.remove("headers");
    e.remove("multiValueHeaders");
    switch (this) {
      case REST -> {
        e.set("headers", single);
        e.set("multiValueHeaders", multi);
      }
      case HTTP_API, ALB -> e.set("headers", single);
      case ALB_MULTI_VALUE -> e.set("multiValueHeaders", multi);
    }
    e.put(
        "body",
        body == null
            ? null
            : base64
                ? Base64.getEncoder().encodeToString(body.getBytes(StandardCharsets.UTF_8))
                : body);
    e.put("isBase64Encoded", base64);
    return e.toString();
  }

  /** A response as the tests look at it. */
  record Response(int status, String statusDescription, Map<String, String> headers, String body) {
    JsonNode problem() {
      return parse(body);
    }
  }

  /** Reads the handler's response, checking it has the family's header style. */
  Response response(String json) {
    JsonNode r = parse(json);
    Map<String, String> headers = new LinkedHashMap<>();
    JsonNode plain = r.get("headers");
    JsonNode multi = r.get("multiValueHeaders");
    if (this == ALB_MULTI_VALUE) {
      if (plain != null && !plain.isNull()) {
        throw new AssertionError("a multi-value ALB response has no plain headers: " + json);
      }
      for (Map.Entry<String, JsonNode> h :
          multi == null ? Map.<String, JsonNode>of().entrySet() : multi.properties()) {
        headers.put(h.getKey(), h.getValue().get(0).asText());
      }
    } else {
      for (Map.Entry<String, JsonNode> h :
          plain == null ? Map.<String, JsonNode>of().entrySet() : plain.properties()) {
        headers.put(h.getKey(), h.getValue().asText());
      }
    }
    JsonNode description = r.get("statusDescription");
    boolean alb = this == ALB || this == ALB_MULTI_VALUE;
    if (!alb && description != null) {
      throw new AssertionError("statusDescription is for ALB only: " + json);
    }
    return new Response(
        r.get("statusCode").asInt(),
        description == null ? null : description.asText(),
        headers,
        r.get("body").asText());
  }

  static ObjectNode tree(String fixture) {
    try (InputStream in = HttpFamilies.class.getResourceAsStream("/events/" + fixture)) {
      return (ObjectNode) JSON.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static JsonNode parse(String json) {
    try {
      return JSON.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
