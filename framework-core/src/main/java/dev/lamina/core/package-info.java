/**
 * Lamina's core: {@link dev.lamina.core.LambdaHandler}, the interceptor pipeline
 * ({@link dev.lamina.core.Interceptor}, {@link dev.lamina.core.Feature}), the per-invocation
 * {@link dev.lamina.core.Invocation}, init-once {@link dev.lamina.core.Resources} with SnapStart
 * hooks, and the remaining-time guard ({@link dev.lamina.core.TimeGuard}).
 */
package dev.lamina.core;
