/**
 * The payments sample: {@code POST /payments} behind an API Gateway HTTP API, idempotent on the
 * client's {@code Idempotency-Key} header. A client that retries (API Gateway gives every retry a
 * new request context and trace header) gets the first response; a reused key with another body
 * is rejected with 422, as an HTTP answer ({@code application/problem+json}) rather than an
 * invocation error.
 */
package dev.lamina.samples.payments;
