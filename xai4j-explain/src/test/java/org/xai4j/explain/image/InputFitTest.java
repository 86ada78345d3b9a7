package org.xai4j.explain.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.xai4j.graph.GraphInput;
import org.xai4j.tensor.Shape;
import org.xai4j.tensor.Tensor;

class InputFitTest {
  private static final GraphInput GREY_2X2 = new GraphInput("input", new int[] {-1, 1, 2, 2});
  private static final GraphInput RGB_ANY = new GraphInput("input", new int[] {-1, 3, -1, -1});

  @Test
  void equalChannelsBecomeOneUnchanged() {
    Tensor x = Tensor.of(Shape.of(1, 3, 2, 2), 0.1f, 0.2f, 0.3f, 0.4f, 0.1f, 0.2f, 0.3f, 0.4f, 0.1f, 0.2f, 0.3f, 0.4f);
    InputFit.Fitted f = InputFit.fit(x, GREY_2X2);
    assertEquals(Shape.of(1, 1, 2, 2), f.input().shape());
    assertArrayEquals(new float[] {0.1f, 0.2f, 0.3f, 0.4f}, f.input().toArray());
    assertEquals(List.of("grey image: its 3 equal channels became 1"), f.changes());
  }

  @Test
  void colourBecomesLuma() {
    Tensor x = Tensor.of(Shape.of(1, 3, 2, 2), 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0);
    InputFit.Fitted f = InputFit.fit(x, GREY_2X2);
    assertArrayEquals(new float[] {0.299f, 0.587f, 0.114f, 0f}, f.input().toArray(), 1e-6f);
    assertTrue(f.changes().get(0).startsWith("colour image converted to 1 grey channel"), f.changes().toString());
  }

  @Test
  void greyIsRepeatedAndResized() {
    Tensor x = Tensor.of(Shape.of(1, 1, 1, 2), 0f, 1f);
    InputFit.Fitted f = InputFit.fit(x, RGB_ANY);
    assertArrayEquals(new float[] {0, 1, 0, 1, 0, 1}, f.input().toArray());
    InputFit.Fitted r = InputFit.fit(Tensor.of(Shape.of(1, 1, 4, 4), new float[16]), GREY_2X2);
    assertEquals(Shape.of(1, 1, 2, 2), r.input().shape());
    assertEquals(List.of("resized bilinearly from 4x4 to 2x2"), r.changes());
  }

  @Test
  void fittingInputsAndOtherRanksAreLeftAlone() {
    Tensor x = Tensor.of(Shape.of(2, 1, 2, 2), new float[8]);
    assertSame(x, InputFit.fit(x, GREY_2X2).input());
    assertTrue(InputFit.fit(x, GREY_2X2).changes().isEmpty());
    Tensor v = Tensor.of(Shape.of(1, 4), new float[4]);
    assertSame(v, InputFit.fit(v, GREY_2X2).input());
  }

  @Test
  void otherChannelCountsAreRefused() {
    Tensor x = Tensor.of(Shape.of(1, 2, 2, 2), new float[8]);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> InputFit.fit(x, GREY_2X2));
    assertEquals("input [1, 2, 2, 2] has 2 channels; model input input[?, 1, 2, 2] needs 1", e.getMessage());
  }
}
