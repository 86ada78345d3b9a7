package org.xai4j.op;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.function.Executable;

/** Assertions on the one-line error messages of ops, shared by the op tests. */
final class OpAssertions {
  private OpAssertions() {}

  /**
   * Asserts that {@code call} throws an {@link IllegalArgumentException} whose message contains
   * every one of {@code parts}.
   */
  static void assertMessage(Executable call, String... parts) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
    for (String p : parts) {
      assertTrue(e.getMessage().contains(p), "'" + p + "' missing in: " + e.getMessage());
    }
  }

  /**
   * Asserts that {@code call} throws an {@link IllegalArgumentException} whose message starts with
   * {@code op + ":"} and contains every one of {@code parts}.
   */
  static void assertOpError(String op, Executable call, String... parts) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
    assertTrue(e.getMessage().startsWith(op + ":"), e.getMessage());
    for (String p : parts) {
      assertTrue(e.getMessage().contains(p), "'" + p + "' missing in: " + e.getMessage());
    }
  }
}
