package dev.lamina.core.internal.codec.events;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** SNS notifications name every property in PascalCase: {@code MessageId}, {@code Timestamp}. */
@JsonNaming(PropertyNamingStrategies.UpperCamelCaseStrategy.class)
abstract class PascalCaseMixin {}
