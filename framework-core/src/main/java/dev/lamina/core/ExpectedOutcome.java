package dev.lamina.core;

/**
 * Marks an exception that reports an expected outcome of an invocation rather than a fault: a
 * duplicate request that is still in progress, a reused idempotency key, a request without the
 * key it needs. Such an invocation still fails (the exception reaches the runtime unchanged, so
 * the caller sees its type), but Lamina logs it as one {@code WARN} line with the exception's type
 * and message and no stack trace, instead of an {@code ERROR} line with the stack: the function is
 * working as designed, and alarms on errors should not fire. Behind API Gateway, a function URL or
 * a load balancer, Lamina's expected outcomes are answered as HTTP problems instead ({@link
 * dev.lamina.core.http.ProblemSource}), logged as the same one warning.
 *
 * <p>Implement it only on exceptions whose message names the subject without payload values (a
 * record id, a setting); the message is logged. User exceptions may implement it too.
 *
 * <pre>{@code
 * public class OrderAlreadyShipped extends RuntimeException implements ExpectedOutcome { ... }
 * }</pre>
 */
public interface ExpectedOutcome {}
