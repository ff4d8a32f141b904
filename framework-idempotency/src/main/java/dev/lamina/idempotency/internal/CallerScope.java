package dev.lamina.idempotency.internal;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The authenticated caller of an API Gateway (REST or HTTP API) or function URL event, to scope
 * client-chosen idempotency keys by: the first present, in this order, of
 *
 * <ol>
 *   <li>a Cognito identity pool identity ({@code requestContext.identity.cognitoIdentityId};
 *       HTTP API: {@code requestContext.authorizer.iam.cognitoIdentity.identityId}), before the
 *       IAM ARN because every identity of a pool shares one assumed-role ARN;
 *   <li>the IAM caller ARN ({@code requestContext.identity.userArn}; HTTP API and function URLs
 *       with IAM auth: {@code requestContext.authorizer.iam.userArn});
 *   <li>the JWT subject with its issuer: Cognito user pool authorizers ({@code
 *       requestContext.authorizer.claims}) and HTTP API JWT authorizers ({@code
 *       requestContext.authorizer.jwt.claims});
 *   <li>a Lambda authorizer's {@code principalId} ({@code requestContext.authorizer.principalId};
 *       HTTP API: {@code requestContext.authorizer.lambda.principalId}, which the authorizer must
 *       put in its context);
 *   <li>the API key ({@code requestContext.identity.apiKeyId}, else {@code apiKey}; it is only
 *       ever hashed).
 * </ol>
 *
 * Each kind is prefixed, so an IAM ARN never equals a JWT subject. Stateless.
 */
public final class CallerScope {
  private CallerScope() {}

  /** The caller's scope, or {@code null} if the event carries no authenticated caller. */
  public static String of(JsonNode event) {
    JsonNode context = event.path("requestContext");
    JsonNode identity = context.path("identity");
    JsonNode authorizer = context.path("authorizer");
    JsonNode iam = authorizer.path("iam");
    String scope =
        first(
            "cognito-identity", text(identity.path("cognitoIdentityId")),
            "cognito-identity", text(iam.path("cognitoIdentity").path("identityId")),
            "iam", text(identity.path("userArn")),
            "iam", text(iam.path("userArn")),
            "jwt", jwt(authorizer.path("claims")),
            "jwt", jwt(authorizer.path("jwt").path("claims")),
            "authorizer", text(authorizer.path("principalId")),
            "authorizer", text(authorizer.path("lambda").path("principalId")),
            "api-key", text(identity.path("apiKeyId")),
            "api-key", text(identity.path("apiKey")));
    return scope;
  }

  private static String jwt(JsonNode claims) {
    String subject = text(claims.path("sub"));
    if (subject == null) {
      return null;
    }
    String issuer = text(claims.path("iss"));
    return issuer == null ? subject : issuer + " " + subject;
  }

  private static String first(String... kindsAndValues) {
    for (int i = 0; i < kindsAndValues.length; i += 2) {
      if (kindsAndValues[i + 1] != null) {
        return kindsAndValues[i] + ":" + kindsAndValues[i + 1];
      }
    }
    return null;
  }

  private static String text(JsonNode node) {
    return node.isTextual() && !node.textValue().isBlank() ? node.textValue() : null;
  }
}
