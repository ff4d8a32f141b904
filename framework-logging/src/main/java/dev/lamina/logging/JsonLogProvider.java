package dev.lamina.logging;

import com.fasterxml.jackson.core.JsonFactory;
import dev.lamina.logging.internal.JsonLogSink;
import dev.lamina.logging.internal.JsonLoggerFactory;
import dev.lamina.logging.internal.LogSettings;
import dev.lamina.logging.internal.ThreadLocalMdcAdapter;
import java.io.PrintStream;
import java.util.Map;
import java.util.function.LongSupplier;
import org.slf4j.ILoggerFactory;
import org.slf4j.IMarkerFactory;
import org.slf4j.event.Level;
import org.slf4j.helpers.BasicMarkerFactory;
import org.slf4j.spi.MDCAdapter;
import org.slf4j.spi.SLF4JServiceProvider;

/**
 * Lamina's SLF4J 2 provider: one JSON object per line on standard output, with
 * Powertools-compatible field names. SLF4J finds it through {@link java.util.ServiceLoader}
 * ({@code META-INF/services/org.slf4j.spi.SLF4JServiceProvider}); application code never
 * refers to this class, it just uses SLF4J:
 *
 * <pre>{@code
 * private static final Logger log = LoggerFactory.getLogger(OrderHandler.class);
 * log.atInfo().addKeyValue("orderId", id).log("Order {} accepted", id);
 * // {"timestamp":"2026-11-22T10:53:11.123Z","level":"INFO","message":"Order 42 accepted",
 * //  "logger":"com.example.OrderHandler","service":"orders", ...MDC..., "orderId":42}
 * }</pre>
 *
 * <p>Settings come from the environment once, in {@link #initialize()}: the level from
 * {@code AWS_LAMBDA_LOG_LEVEL}, else {@code LAMINA_LOG_LEVEL}, else INFO; the service name from
 * {@code POWERTOOLS_SERVICE_NAME}, {@code LAMINA_SERVICE_NAME} or {@code AWS_LAMBDA_FUNCTION_NAME}.
 * An unknown level means INFO and one WARN line saying so.
 *
 * <p>Threading: SLF4J calls {@link #initialize()} once, before any other method but the
 * {@code getMDCAdapter()} and {@code getMarkerFactory()} getters, which work at any time. The
 * factory, loggers and MDC it hands out are thread-safe; the MDC is per thread and not
 * inherited by child threads. Until {@code initialize()} has run, {@link #getLoggerFactory()}
 * returns null.
 */
public final class JsonLogProvider implements SLF4JServiceProvider {

  /** The SLF4J API version this provider is written against. */
  public static final String REQUESTED_API_VERSION = "2.0.99";

  private final Map<String, String> env;
  private final PrintStream fixedOut;
  private final LongSupplier clock;
  private final ThreadLocalMdcAdapter mdcAdapter = new ThreadLocalMdcAdapter();
  private final IMarkerFactory markerFactory = new BasicMarkerFactory();
  private volatile ILoggerFactory loggerFactory;

  /** The constructor {@link java.util.ServiceLoader} calls: real environment, {@code System.out}, system clock. */
  public JsonLogProvider() {
    this(System.getenv(), null, null);
  }

  /**
   * For tests: a fixed environment, stream and clock.
   *
   * @param env the environment to read settings from; not null
   * @param fixedOut the stream to write to, or null for {@code System.out} at each write
   * @param clock epoch milliseconds, or null for the system clock
   */
  JsonLogProvider(Map<String, String> env, PrintStream fixedOut, LongSupplier clock) {
    this.env = env;
    this.fixedOut = fixedOut;
    this.clock = clock;
  }

  @Override
  public void initialize() {
    LogSettings settings = LogSettings.fromEnvironment(env);
    JsonLogSink sink = new JsonLogSink(settings, new JsonFactory(), mdcAdapter, fixedOut, clock);
    loggerFactory = new JsonLoggerFactory(sink);
    if (settings.warning() != null) {
      sink.write(
          Level.WARN,
          JsonLogProvider.class.getPackageName(),
          0L,
          settings.warning(),
          null,
          null,
          null);
    }
  }

  /** @return the logger factory, or null before {@link #initialize()} */
  @Override
  public ILoggerFactory getLoggerFactory() {
    return loggerFactory;
  }

  /** @return SLF4J's {@link BasicMarkerFactory}; markers are accepted and not written */
  @Override
  public IMarkerFactory getMarkerFactory() {
    return markerFactory;
  }

  /** @return a thread-local (not inheritable) MDC whose entries become top-level fields */
  @Override
  public MDCAdapter getMDCAdapter() {
    return mdcAdapter;
  }

  @Override
  public String getRequestedApiVersion() {
    return REQUESTED_API_VERSION;
  }
}
