package dev.lamina.core.internal.codec.jr;

/**
 * jr's signal that databind must do the work: either the type is not one jr handles as databind
 * does ({@link #TYPE}, for good), or this document is not ({@link #DOCUMENT}, this time only: a
 * coercion, a wrong token, a duplicate key). Shared and stackless: it is control flow, never
 * shown to users.
 */
public final class JrDeclined extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** The type is databind's: ask jr no more. */
  public static final JrDeclined TYPE = new JrDeclined("type");

  /** This document is databind's; the next one may be jr's again. */
  public static final JrDeclined DOCUMENT = new JrDeclined("document");

  private JrDeclined(String what) {
    super("jackson-jr declined the " + what, null, false, false);
  }

  /** The signal in {@code e}'s cause chain, or {@code null} if jr failed in some other way. */
  public static JrDeclined in(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof JrDeclined declined) {
        return declined;
      }
    }
    return null;
  }
}
