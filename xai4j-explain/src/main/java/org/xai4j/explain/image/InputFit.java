package org.xai4j.explain.image;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.xai4j.graph.GraphInput;
import org.xai4j.tensor.Shape;
import org.xai4j.tensor.Tensor;
import org.xai4j.tensor.TensorInternals;

/**
 * Fits an image batch {@code [N, C, H, W]} to a model's image input, saying what it changed: a
 * 3-channel image for a 1-channel model becomes grey (its channels' mean when they are equal, as for a
 * grey PNG read as RGB, otherwise ITU-R BT.601 luma {@code 0.299 R + 0.587 G + 0.114 B}), a 1-channel
 * image for a 3-channel model is repeated over the channels, and an image of another size is resized
 * bilinearly ({@link Bilinear}) to the model's fixed height and width. Inputs that already fit, and
 * inputs of another rank, are returned unchanged.
 */
public final class InputFit {
  private static final TensorInternals INTERNALS = TensorInternals.access();

  private static final int IMAGE_RANK = 4;
  private static final int RGB = 3;
  private static final float[] LUMA = {0.299f, 0.587f, 0.114f};

  private InputFit() {}

  /**
   * The fitted input and one human-readable line per change (empty when nothing changed).
   *
   * @param input the input to feed
   * @param changes what was done, e.g. {@code "resized bilinearly from 64x64 to 28x28"}
   */
  public record Fitted(Tensor input, List<String> changes) {
    /** Copies the changes. */
    public Fitted {
      changes = List.copyOf(changes);
    }
  }

  /**
   * Fits {@code x} to {@code input}.
   *
   * @throws IllegalArgumentException naming both shapes if the channels cannot be converted (other than
   *     1 and 3)
   */
  public static Fitted fit(Tensor x, GraphInput input) {
    int[] want = input.dims();
    if (x.rank() != IMAGE_RANK || want.length != IMAGE_RANK) {
      return new Fitted(x, List.of());
    }
    List<String> changes = new ArrayList<>();
    Tensor t = x;
    int channels = x.shape().dim(1);
    if (want[1] > 0 && want[1] != channels) {
      if (channels == RGB && want[1] == 1) {
        boolean grey = equalChannels(t);
        t = grey(t, grey);
        changes.add(grey ? "grey image: its 3 equal channels became 1" : "colour image converted to 1 grey channel "
            + "(ITU-R BT.601 luma 0.299 R + 0.587 G + 0.114 B)");
      } else if (channels == 1 && want[1] == RGB) {
        t = repeat(t);
        changes.add("grey image repeated over 3 channels");
      } else {
        throw new IllegalArgumentException("input " + x.shape() + " has " + channels + " channels; model input "
            + input + " needs " + want[1]);
      }
    }
    int h = t.shape().dim(2);
    int w = t.shape().dim(3);
    int newH = want[2] > 0 ? want[2] : h;
    int newW = want[3] > 0 ? want[3] : w;
    if (newH != h || newW != w) {
      t = Bilinear.resize(t, newH, newW);
      changes.add(String.format(Locale.ROOT, "resized bilinearly from %dx%d to %dx%d", h, w, newH, newW));
    }
    return new Fitted(t, changes);
  }

  private static boolean equalChannels(Tensor x) {
    Shape s = x.shape();
    int plane = s.dim(2) * s.dim(3);
    float[] d = INTERNALS.array(x);
    for (int n = 0; n < s.dim(0); n++) {
      int base = n * RGB * plane;
      for (int i = 0; i < plane; i++) {
        float r = d[base + i];
        if (d[base + plane + i] != r || d[base + 2 * plane + i] != r) {
          return false;
        }
      }
    }
    return true;
  }

  private static Tensor grey(Tensor x, boolean equal) {
    Shape s = x.shape();
    int plane = s.dim(2) * s.dim(3);
    float[] d = INTERNALS.array(x);
    float[] out = new float[s.dim(0) * plane];
    for (int n = 0; n < s.dim(0); n++) {
      int base = n * RGB * plane;
      for (int i = 0; i < plane; i++) {
        out[n * plane + i] = equal ? d[base + i]
            : LUMA[0] * d[base + i] + LUMA[1] * d[base + plane + i] + LUMA[2] * d[base + 2 * plane + i];
      }
    }
    return INTERNALS.adopt(s.withDim(1, 1), out);
  }

  private static Tensor repeat(Tensor x) {
    Shape s = x.shape();
    int plane = s.dim(2) * s.dim(3);
    float[] d = INTERNALS.array(x);
    float[] out = new float[s.dim(0) * RGB * plane];
    for (int n = 0; n < s.dim(0); n++) {
      for (int c = 0; c < RGB; c++) {
        System.arraycopy(d, n * plane, out, (n * RGB + c) * plane, plane);
      }
    }
    return INTERNALS.adopt(s.withDim(1, RGB), out);
  }
}
