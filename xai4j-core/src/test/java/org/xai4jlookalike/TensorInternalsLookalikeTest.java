package org.xai4jlookalike;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.xai4j.tensor.TensorInternals;

/** A package whose name only starts with the letters {@code org.xai4j} is not xai4j's. */
class TensorInternalsLookalikeTest {
  @Test
  void accessFromALookalikePackageFails() {
    IllegalCallerException e = assertThrows(IllegalCallerException.class, () -> TensorInternals.access());
    assertTrue(e.getMessage().contains("cannot be used by org.xai4jlookalike.TensorInternalsLookalikeTest;"),
        e.getMessage());
  }
}
