package dev.lamina.core.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.ApplicationLoadBalancerRequestEvent;
import dev.lamina.core.codec.MalformedInputException;
import dev.lamina.core.codec.PayloadCodec;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Objects;

/**
 * Reads the body of an HTTP event as a type, through the handler's codec, decoding base64 bodies
 * ({@code isBase64Encoded}) first. A body that is not JSON fails with {@link
 * MalformedInputException}, and one that does not fit the type with {@link
 * dev.lamina.core.codec.InputMismatchException}; both name the JSON path in the body and never
 * its values, and under {@link HttpProblems} both are answered as 400 Bad Request.
 *
 * <pre>{@code
 * protected APIGatewayV2HTTPResponse handle(APIGatewayV2HTTPEvent request, Invocation invocation) {
 *   PaymentRequest payment = HttpBody.read(request, PaymentRequest.class, codec());
 *   ...
 * }
 * }</pre>
 */
public final class HttpBody {
  private HttpBody() {}

  /**
   * Reads the body of an API Gateway REST API request.
   *
   * @param request the request; not {@code null}
   * @param type the body's type, possibly generic; not {@code null}
   * @param codec the handler's codec (a {@code LambdaHandler}'s {@code codec()}); not {@code null}
   * @param <T> the body's type
   * @return the body; {@code null} only if it is the JSON literal {@code null}
   * @throws MalformedInputException if there is no body, it is not valid JSON, or it is marked
   *     base64 and is not
   * @throws dev.lamina.core.codec.InputMismatchException if the JSON does not fit the type
   */
  public static <T> T read(APIGatewayProxyRequestEvent request, Type type, PayloadCodec codec) {
    Objects.requireNonNull(request, "request");
    return read(request.getBody(), Boolean.TRUE.equals(request.getIsBase64Encoded()), type, codec);
  }

  /**
   * Reads the body of an API Gateway HTTP API or function URL request.
   *
   * @param request the request; not {@code null}
   * @param type the body's type, possibly generic; not {@code null}
   * @param codec the handler's codec (a {@code LambdaHandler}'s {@code codec()}); not {@code null}
   * @param <T> the body's type
   * @return the body; {@code null} only if it is the JSON literal {@code null}
   * @throws MalformedInputException if there is no body, it is not valid JSON, or it is marked
   *     base64 and is not
   * @throws dev.lamina.core.codec.InputMismatchException if the JSON does not fit the type
   */
  public static <T> T read(APIGatewayV2HTTPEvent request, Type type, PayloadCodec codec) {
    Objects.requireNonNull(request, "request");
    return read(request.getBody(), request.getIsBase64Encoded(), type, codec);
  }

  /**
   * Reads the body of an Application Load Balancer request.
   *
   * @param request the request; not {@code null}
   * @param type the body's type, possibly generic; not {@code null}
   * @param codec the handler's codec (a {@code LambdaHandler}'s {@code codec()}); not {@code null}
   * @param <T> the body's type
   * @return the body; {@code null} only if it is the JSON literal {@code null}
   * @throws MalformedInputException if there is no body, it is not valid JSON, or it is marked
   *     base64 and is not
   * @throws dev.lamina.core.codec.InputMismatchException if the JSON does not fit the type
   */
  public static <T> T read(
      ApplicationLoadBalancerRequestEvent request, Type type, PayloadCodec codec) {
    Objects.requireNonNull(request, "request");
    return read(request.getBody(), request.getIsBase64Encoded(), type, codec);
  }

  /**
   * Reads a body as the event carries it.
   *
   * @param body the body text; {@code null} or empty reads as no JSON value
   * @param base64 whether the body is base64-encoded
   * @param type the body's type, possibly generic; not {@code null}
   * @param codec the codec; not {@code null}
   * @param <T> the body's type
   * @return the body; {@code null} only if it is the JSON literal {@code null}
   * @throws MalformedInputException if there is no body, it is not valid JSON, or it is marked
   *     base64 and is not
   * @throws dev.lamina.core.codec.InputMismatchException if the JSON does not fit the type
   */
  public static <T> T read(String body, boolean base64, Type type, PayloadCodec codec) {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(codec, "codec");
    return codec.read(bytes(body, base64, type), type);
  }

  private static byte[] bytes(String body, boolean base64, Type type) {
    if (body == null) {
      return new byte[0];
    }
    if (!base64) {
      return body.getBytes(StandardCharsets.UTF_8);
    }
    try {
      return Base64.getDecoder().decode(body);
    } catch (IllegalArgumentException e) {
      // The decoder's message quotes the offending character: not kept.
      throw new MalformedInputException(
          "Cannot read ["
              + type.getTypeName()
              + "]: the body is marked base64-encoded but is not valid base64",
          type.getTypeName(),
          "$",
          null);
    }
  }
}
