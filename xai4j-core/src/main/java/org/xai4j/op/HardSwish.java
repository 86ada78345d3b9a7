package org.xai4j.op;

/**
 * ONNX {@code HardSwish} (opset 14; Howard et al. 2019, MobileNetV3):
 * {@code y = x max(0, min(1, x / 6 + 1/2))}. The derivative follows PyTorch's
 * {@code hardswish}: 0 for {@code x < -3}, {@code x / 3 + 1/2} for {@code -3 <= x <= 3}, 1 above.
 */
public final class HardSwish extends UnaryElementwiseOp {
  private static final float KNEE = 3f;
  private static final float SIXTH = 1f / 6f;

  @Override
  public String type() {
    return "HardSwish";
  }

  @Override
  protected float apply(float x) {
    return x * Math.max(0f, Math.min(1f, x * SIXTH + 0.5f));
  }

  @Override
  protected float derivative(float x, float y) {
    if (x < -KNEE) {
      return 0f;
    }
    return x <= KNEE ? x / KNEE + 0.5f : 1f;
  }
}
