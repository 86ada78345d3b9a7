package org.xai4j.limit;

/**
 * A file or computation asks for more than a {@link Limit} allows. The one-line message names
 * what asked, the amount, the limit and how to raise it; it is raised before anything of that
 * size is allocated.
 */
public class LimitExceededException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final Limit limit;
  private final long amount;
  private final long value;

  LimitExceededException(Limit limit, long amount, long value, String subject) {
    this(limit, amount, value, message(limit, amount, value, subject), null);
  }

  private LimitExceededException(Limit limit, long amount, long value, String message, Throwable cause) {
    super(message, cause);
    this.limit = limit;
    this.amount = amount;
    this.value = value;
  }

  private static String message(Limit limit, long amount, long value, String subject) {
    String asked = amount == Long.MAX_VALUE ? "more than " + Long.MAX_VALUE : String.format("%,d", amount);
    return String.format("%s: %s %s, more than the %s limit of %,d; raise it with -D%s=N "
        + "(CLI: --limit %s=N)", subject, asked, limit.unit(), limit.key(), value, limit.property(), limit.key());
  }

  /** The limit that was exceeded. */
  public Limit limit() {
    return limit;
  }

  /** What was asked for, in the limit's unit ({@link Long#MAX_VALUE} if it overflowed). */
  public long amount() {
    return amount;
  }

  /** The limit in force when the check failed. */
  public long limitValue() {
    return value;
  }

  /**
   * The same failure with {@code context} (for example the node or file concerned) in front of
   * the message, keeping the limit, the amounts and this exception as the cause; this exception
   * itself if its message already starts with that context.
   */
  public LimitExceededException within(String context) {
    return getMessage().startsWith(context + ": ") ? this
        : new LimitExceededException(limit, amount, value, context + ": " + getMessage(), this);
  }
}
