package org.xai4j.op;

import java.util.List;
import org.xai4j.tensor.IndexMap;
import org.xai4j.tensor.Shape;
import org.xai4j.tensor.Tensor;

/**
 * ONNX {@code Expand} to a target shape some of whose extents are only known at run time: input 0
 * is the data, input 1 a reference tensor whose extents those entries copy (for example the graph
 * input, for ViT's {@code class_token.expand(batch, -1, -1)} on a dynamic batch). Entry {@code i}
 * of the target is {@code reference.dim(referenceAxes.get(i))} where that is not
 * {@link #FIXED}, else {@code shape.get(i)}; the data is then broadcast as by {@link Expand}. The
 * gradient sums over the broadcast axes; the reference, read only for its shape, gets none.
 *
 * @param shape the fixed target extents (ignored where an axis is copied)
 * @param referenceAxes per target entry, the reference axis it copies, or {@link #FIXED}
 */
public record DynamicExpand(List<Integer> shape, List<Integer> referenceAxes) implements Op {
  /** Marks a target entry that is fixed. */
  public static final int FIXED = -1;
  private static final String TYPE = "Expand";

  /** Copies the lists and checks that they have one entry per target axis. */
  public DynamicExpand {
    shape = List.copyOf(shape);
    referenceAxes = List.copyOf(referenceAxes);
    OpChecks.require(shape.size() == referenceAxes.size(), TYPE,
        "target " + shape + " and reference axes " + referenceAxes + " differ in length");
  }

  @Override
  public String type() {
    return TYPE;
  }

  /** The target extents for a reference shape. */
  public Shape target(Shape reference) {
    int[] dims = new int[shape.size()];
    for (int i = 0; i < dims.length; i++) {
      int a = referenceAxes.get(i);
      dims[i] = a == FIXED ? shape.get(i) : reference.dim(OpChecks.axis(TYPE, reference, a));
    }
    return Shape.of(dims);
  }

  private IndexMap map(Shape input, Shape reference) {
    Shape target = target(reference);
    return IndexMap.broadcast(input, OpChecks.broadcast(TYPE, input, target));
  }

  @Override
  public Shape outputShape(List<Shape> inputs) {
    OpChecks.arity(TYPE, inputs, 2);
    return map(inputs.get(0), inputs.get(1)).target();
  }

  @Override
  public Tensor forward(List<Tensor> inputs) {
    OpChecks.arity(TYPE, inputs, 2);
    return map(inputs.get(0).shape(), inputs.get(1).shape()).gather(inputs.get(0), 0f);
  }

  @Override
  public Gradients backward(BackwardContext ctx, Tensor gradOutput) {
    Tensor gx = ctx.needsInput(0)
        ? map(ctx.input(0).shape(), ctx.input(1).shape()).scatterAdd(gradOutput) : null;
    return Gradients.ofInputs(gx, null);
  }
}
