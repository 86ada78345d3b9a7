package org.xai4j.explain.lrp.composite;

import java.util.Set;
import org.xai4j.explain.canon.ChannelAffine;
import org.xai4j.op.Op;

/**
 * Roles of ops that composites assign rules to, by op type (only types that xai4j's ops have); the counterpart of Zennit's
 * {@code types.py} (Convolution, Linear, BatchNorm, Activation, AvgPool, MaxPool) and
 * {@code layer.Sum}. Dense layers are Zennit's {@code torch.nn.Linear}; {@link #LINEAR} is Zennit's
 * {@code Linear} group (convolutions and dense layers).
 */
public enum OpGroup {
  /** Convolutions, standard and transposed. */
  CONVOLUTION(Set.of("Conv", "ConvTranspose")),
  /** Fully connected layers. */
  DENSE(Set.of("Gemm")),
  /** Convolutions and fully connected layers: the layers that must get an LRP rule. */
  LINEAR(Set.of("Conv", "ConvTranspose", "Gemm")),
  /** Batch normalization, and the explicit affine layer a canonizer leaves for an unmerged one. */
  BATCH_NORM(Set.of("BatchNormalization", ChannelAffine.TYPE)),
  /** Element-wise activations. */
  ACTIVATION(Set.of("Relu", "LeakyRelu", "PRelu", "Elu", "Selu", "Gelu", "Sigmoid", "HardSigmoid", "HardSwish",
      "Tanh", "Softplus", "Clip", "Shrink")),
  /** Average pooling, local and global. */
  AVG_POOL(Set.of("AveragePool", "GlobalAveragePool")),
  /** Max pooling, local and global. */
  MAX_POOL(Set.of("MaxPool")),
  /** Sums of activations such as residual connections (after the residual canonizer). */
  SUM(Set.of("Sum")),
  /** Concatenation. */
  CONCAT(Set.of("Concat"));

  private final Set<String> opTypes;

  OpGroup(Set<String> opTypes) {
    this.opTypes = opTypes;
  }

  /** Whether the op belongs to this group. */
  public boolean contains(Op op) {
    return opTypes.contains(op.type());
  }

  /** The op types of this group (each one an op xai4j has; see OpGroupTest). */
  Set<String> types() {
    return opTypes;
  }
}
