package org.xai4j.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ParallelismTest {
  @Test
  void threadCountsAreParsedAndInvalidOnesNameTheProperty() {
    assertEquals(3, Parallelism.parseThreads(" 3 ", 8));
    assertEquals(8, Parallelism.parseThreads(null, 8));
    assertEquals(8, Parallelism.parseThreads("", 8));
    assertEquals("-Dxai4j.threads=0 must be at least 1",
        assertThrows(IllegalArgumentException.class, () -> Parallelism.parseThreads("0", 8)).getMessage());
    assertEquals("-Dxai4j.threads=two is not a whole number of threads",
        assertThrows(IllegalArgumentException.class, () -> Parallelism.parseThreads("two", 8)).getMessage());
  }
}
