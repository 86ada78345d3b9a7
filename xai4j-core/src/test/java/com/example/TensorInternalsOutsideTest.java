package com.example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.xai4j.tensor.TensorInternals;

/** Code outside xai4j, as a user's would be: it cannot obtain the zero-copy tensor accessor. */
class TensorInternalsOutsideTest {
  @Test
  void accessFromOutsideXai4jFailsNamingTheCallerAndThePublicApi() {
    IllegalCallerException e = assertThrows(IllegalCallerException.class, () -> TensorInternals.access());
    assertEquals("org.xai4j.tensor.TensorInternals is internal to xai4j and cannot be used by"
        + " com.example.TensorInternalsOutsideTest; build tensors with Tensor.of(shape, values) and read"
        + " them with Tensor.toArray()", e.getMessage());
  }
}
