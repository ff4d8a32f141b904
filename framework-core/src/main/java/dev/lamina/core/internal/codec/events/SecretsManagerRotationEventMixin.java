package dev.lamina.core.internal.codec.events;

import com.fasterxml.jackson.databind.PropertyNamingStrategies.UpperCamelCaseStrategy;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** Secrets Manager rotation: {@code Step}, {@code SecretId}, {@code ClientRequestToken}, ... in PascalCase. */
@JsonNaming(UpperCamelCaseStrategy.class)
abstract class SecretsManagerRotationEventMixin {}
