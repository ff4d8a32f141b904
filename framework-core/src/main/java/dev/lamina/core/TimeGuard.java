package dev.lamina.core;

import dev.lamina.core.internal.TimeGuardFactory;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Guards a handler against Lambda's hard timeout.
 *
 * <ul>
 *   <li>{@link Invocation#checkRemainingTime()} throws {@link RemainingTimeExceededException}
 *       once the remaining time reaches {@link #safetyMarginMillis()}, so long work stops cleanly;
 *   <li>a watchdog writes one structured warning (request id, elapsed and remaining time) when
 *       only {@link #watchdogMillis()} remain and the handler is still running. It never
 *       interrupts the handler, and it is cancelled when the invocation ends, so it cannot fire
 *       into a later invocation after the environment was frozen and thawed.
 * </ul>
 *
 * <p>The plain-Java equivalent is {@link TimeGuardConfig}, given to {@code Lamina.handler(..).feature(..)}.
 *
 * <pre>{@code
 * @TimeGuard(safetyMarginMillis = 2_000)
 * public class Export extends LambdaHandler<ExportRequest, ExportResult> { ... }
 * }</pre>
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Feature(value = TimeGuardFactory.class, order = TimeGuardConfig.ORDER)
public @interface TimeGuard {

  /** Time to keep in reserve before the deadline; {@code checkRemainingTime()} throws within it. */
  long safetyMarginMillis() default 1_000;

  /** When this much time is left and the handler still runs, warn once; 0 turns the watchdog off. */
  long watchdogMillis() default 500;
}
