package dev.lamina.core.internal.codec.events;

import com.fasterxml.jackson.annotation.JsonProperty;

/** CloudWatch Logs subscriptions: the compressed data under {@code awslogs}, all lower case. */
abstract class CloudWatchLogsEventMixin {
  @JsonProperty("awslogs") Object awsLogs;
}
