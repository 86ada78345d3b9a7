package org.xai4j.testing;

import java.util.function.Supplier;
import org.xai4j.limit.Limit;

/** Runs test code with a {@link Limit} set to another value, restoring the property afterwards. */
public final class LimitOverride {
  private LimitOverride() {}

  /** Runs {@code body} with {@code limit} set to {@code value} and returns its result. */
  public static <T> T with(Limit limit, long value, Supplier<T> body) {
    String before = System.getProperty(limit.property());
    System.setProperty(limit.property(), Long.toString(value));
    try {
      return body.get();
    } finally {
      if (before == null) {
        System.clearProperty(limit.property());
      } else {
        System.setProperty(limit.property(), before);
      }
    }
  }
}
