package dev.lamina.core.internal;

import dev.lamina.core.Interceptor;
import dev.lamina.core.Invocation;
import dev.lamina.core.PipelineException;
import java.util.List;
import java.util.function.Supplier;

/**
 * An immutable chain of interceptors ending in the handler. Built once per handler during init,
 * run once per invocation; safe for concurrent invocations because all per-invocation state lives
 * in the {@link Link}s created for that run.
 */
public final class Pipeline {

  /** The end of the chain: the user's handler. */
  @FunctionalInterface
  public interface Terminal {
    Object handle(Object input, Invocation invocation) throws Exception;
  }

  private final Interceptor[] interceptors;
  private final Terminal terminal;

  /**
   * @param interceptors outermost first
   * @param terminal the handler
   */
  public Pipeline(List<Interceptor> interceptors, Terminal terminal) {
    this.interceptors = interceptors.toArray(new Interceptor[0]);
    this.terminal = terminal;
  }

  /** The interceptors, outermost first. */
  public List<Interceptor> interceptors() {
    return List.of(interceptors);
  }

  /**
   * Runs the chain for one invocation.
   *
   * @param invocation the invocation
   * @param input decodes the input; called at most once, on first use
   * @return the outermost result
   * @throws Exception whatever an interceptor or the handler threw, unchanged
   */
  public Object run(Invocation invocation, Supplier<Object> input) throws Exception {
    Run run = new Run(invocation, input);
    if (interceptors.length == 0) {
      return terminal.handle(run.input(), invocation);
    }
    return interceptors[0].intercept(new Link(run, 0));
  }

  /** What all links of one run share: the invocation and the lazily decoded input. */
  private static final class Run {
    final Invocation invocation;
    private Supplier<Object> decoder;
    private Object input;

    Run(Invocation invocation, Supplier<Object> decoder) {
      this.invocation = invocation;
      this.decoder = decoder;
    }

    synchronized Object input() {
      if (decoder != null) {
        input = decoder.get();
        decoder = null;
      }
      return input;
    }
  }

  /** The chain as seen by interceptor {@code index}. */
  private final class Link implements Interceptor.Chain {
    private final Run run;
    private final int index;
    private boolean proceeded;

    Link(Run run, int index) {
      this.run = run;
      this.index = index;
    }

    @Override
    public Invocation invocation() {
      return run.invocation;
    }

    @Override
    public Object input() {
      return run.input();
    }

    @Override
    public Object proceed() throws Exception {
      if (proceeded) {
        throw new PipelineException(
            "Interceptor ["
                + interceptors[index].name()
                + "] called proceed() a second time in one invocation; call it at most once, or"
                + " return without calling it to short-circuit the chain");
      }
      proceeded = true;
      int next = index + 1;
      if (next == interceptors.length) {
        return terminal.handle(run.input(), run.invocation);
      }
      return interceptors[next].intercept(new Link(run, next));
    }
  }
}
