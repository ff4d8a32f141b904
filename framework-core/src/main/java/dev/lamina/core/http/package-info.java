/**
 * HTTP events answered as HTTP: a handler of API Gateway (REST or HTTP API), function URL or ALB
 * events that fails with a known exception answers with an RFC 9457 {@link
 * dev.lamina.core.http.Problem} ({@code application/problem+json}) instead of an invocation error,
 * which API Gateway would turn into a 502. On by default for those handlers ({@link
 * dev.lamina.core.http.HttpProblems}); exceptions declare their answer with {@link
 * dev.lamina.core.http.ProblemSource}, a {@link dev.lamina.core.http.ProblemMapper} maps a
 * handler's own, and {@link dev.lamina.core.http.HttpBody} reads a request body through the
 * codec.
 */
package dev.lamina.core.http;
