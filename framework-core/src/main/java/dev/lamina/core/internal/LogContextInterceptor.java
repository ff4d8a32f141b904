package dev.lamina.core.internal;

import dev.lamina.core.ExpectedOutcome;
import dev.lamina.core.Interceptor;
import dev.lamina.core.Invocation;
import dev.lamina.core.LogFields;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The outermost interceptor: puts the invocation's fields in the MDC for its duration, writes one
 * structured line when the invocation fails (then rethrows the exception unchanged): {@code ERROR}
 * with the stack trace for a fault, {@code WARN} with the type and message only for an {@link
 * ExpectedOutcome}; and
 * restores the MDC as it was before the invocation, even when it throws, so nothing a handler
 * put there outlives the invocation.
 */
public final class LogContextInterceptor implements Interceptor {
  private static final Logger log = LoggerFactory.getLogger("dev.lamina.core.Invocation");

  @Override
  public Object intercept(Chain chain) throws Exception {
    Map<String, String> before = MDC.getCopyOfContextMap();
    Invocation inv = chain.invocation();
    putIfPresent(LogFields.REQUEST_ID, inv.requestId());
    putIfPresent(LogFields.FUNCTION_NAME, inv.functionName());
    putIfPresent(LogFields.FUNCTION_VERSION, inv.functionVersion());
    putIfPresent(LogFields.FUNCTION_ARN, inv.invokedFunctionArn());
    MDC.put(LogFields.FUNCTION_MEMORY_SIZE, Integer.toString(inv.memoryLimitInMb()));
    MDC.put(LogFields.COLD_START, Boolean.toString(inv.isColdStart()));
    if (inv.isRestore()) {
      MDC.put(LogFields.SNAP_START_RESTORE, "true");
    }
    String traceId = inv.traceId().orElse(null);
    if (traceId != null) {
      MDC.put(LogFields.XRAY_TRACE_ID, traceId);
    }
    try {
      return chain.proceed();
    } catch (Throwable t) {
      if (t instanceof ExpectedOutcome) {
        // Working as designed (a duplicate, a reused key): no stack, and no error-level alarm.
        log.atWarn()
            .addKeyValue("outcome", t.getClass().getName())
            .log("Invocation ended with {}: {}", t.getClass().getName(), t.getMessage());
      } else {
        log.error("Invocation failed with {}", t.getClass().getName(), t);
      }
      throw t;
    } finally {
      if (before == null || before.isEmpty()) {
        MDC.clear();
      } else {
        MDC.setContextMap(before);
      }
    }
  }

  private static void putIfPresent(String key, String value) {
    if (value != null) {
      MDC.put(key, value);
    }
  }

  @Override
  public String name() {
    return "LogContext";
  }
}
