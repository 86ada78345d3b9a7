package org.xai4j.op;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.xai4j.op.OpAssertions.assertMessage;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.xai4j.tensor.Shape;
import org.xai4j.tensor.Tensor;
import org.xai4j.testing.GradientCheck;

class GemmTest {
  @Test
  void linearMatchesHandComputedProduct() {
    Tensor w = Tensor.of(Shape.of(2, 3), 1f, 2f, 3f, -1f, 0f, 1f);
    Gemm g = Gemm.linear(w, Tensor.vector(0.5f, -0.5f));
    Tensor y = g.forward(List.of(Tensor.of(Shape.of(1, 3), 1f, 1f, 2f)));
    assertArrayEquals(new float[] {1 + 2 + 6 + 0.5f, -1 + 0 + 2 - 0.5f}, y.toArray(), 1e-6f);
  }

  @ParameterizedTest
  @CsvSource({"false,1.0", "true,0.5"})
  void fewRowsWithTransposedWeightEqualTheSameRowsOfALargerBatchBitForBit(boolean transA, float alpha) {
    Random r = new Random(5);
    int k = 300;
    int n = 200;
    int few = 3;
    int many = Gemm.SWAP_MAX_ROWS + 1;
    Gemm g = new Gemm(Tensor.randomNormal(Shape.of(n, k), 1f, r), Tensor.randomNormal(Shape.of(n), 1f, r),
        transA, true, alpha, 1.5f);
    float[] rows = Tensor.randomNormal(Shape.of(many, k), 1f, r).toArray();
    float[] expected = Arrays.copyOf(g.forward(List.of(input(rows, many, k, transA))).toArray(), few * n);
    assertArrayEquals(expected, g.forward(List.of(input(rows, few, k, transA))).toArray());
  }

  /** The first {@code m} rows of {@code rows} ({@code k} wide) as {@code [m, k]}, or as {@code [k, m]} if transposed. */
  private static Tensor input(float[] rows, int m, int k, boolean transposed) {
    if (!transposed) {
      return Tensor.of(Shape.of(m, k), Arrays.copyOf(rows, m * k));
    }
    float[] t = new float[m * k];
    for (int i = 0; i < m; i++) {
      for (int p = 0; p < k; p++) {
        t[p * m + i] = rows[i * k + p];
      }
    }
    return Tensor.of(Shape.of(k, m), t);
  }

  @ParameterizedTest
  @CsvSource({"false,false,1.0,1.0", "false,true,0.5,2.0", "true,false,1.5,0.0", "true,true,-1.0,1.0"})
  void gradientsMatchFiniteDifferences(boolean transA, boolean transB, float alpha, float beta) {
    Random r = new Random(3);
    int m = 3;
    int k = 5;
    int n = 4;
    Tensor a = Tensor.randomNormal(transA ? Shape.of(k, m) : Shape.of(m, k), 1f, r);
    Tensor w = Tensor.randomNormal(transB ? Shape.of(n, k) : Shape.of(k, n), 1f, r);
    Tensor bias = Tensor.randomNormal(Shape.of(1, n), 1f, r);
    GradientCheck.standard().check(new Gemm(w, bias, transA, transB, alpha, beta), a);
  }

  @Test
  void featureMismatchNamesBothShapes() {
    Gemm g = Gemm.linear(Tensor.zeros(Shape.of(2, 3)), null);
    assertMessage(() -> g.forward(List.of(Tensor.zeros(Shape.of(1, 4)))), "[1, 4]", "[2, 3]");
  }
}
