package org.xai4j.cli;

import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.xai4j.graph.Graph;
import org.xai4j.graph.GraphInput;
import org.xai4j.graph.Node;
import org.xai4j.kernel.Kernels;
import org.xai4j.kernel.Parallelism;
import org.xai4j.onnx.OnnxImporter;
import org.xai4j.tensor.Shape;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

/**
 * {@code xai4j inspect --model M}: prints the inputs and outputs with their shapes, an op
 * histogram, the parameter count, every node with its output shape (for batch size
 * {@value #SHAPE_BATCH}), and the op types xai4j does not support. Exit status 0 when the model
 * imports, 3 otherwise (the reason is printed; {@link Failures}).
 */
@Command(name = "inspect", mixinStandardHelpOptions = true,
    description = "Show an ONNX model as xai4j imports it: inputs, outputs, ops, parameters, nodes.",
    footerHeading = "%nExamples:%n",
    footer = {"  xai4j inspect --model mnist-cnn",
        "  xai4j inspect --model zoo/resnet_basic/model-opset13.onnx"})
final class InspectCommand implements Callable<Integer> {
  /** Batch size substituted for dynamic extents when printing shapes. */
  static final int SHAPE_BATCH = 1;

  @Spec CommandSpec spec;

  @Mixin ModelOption model;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    ModelProto proto = model.proto();
    String source = ModelArgument.displayName(model.name());
    out.printf("model: %s (opset %d, producer %s %s)%n", source, OnnxImporter.opset(proto, source),
        proto.getProducerName(), proto.getProducerVersion());
    out.printf("kernels: %s, %d thread(s)%n", Kernels.provider(), Parallelism.threads());
    Map<String, List<String>> unsupported = OnnxImporter.unsupportedOps(proto);
    if (!unsupported.isEmpty()) {
      Map<String, Integer> histogram = new TreeMap<>();
      for (NodeProto n : proto.getGraph().getNodeList()) {
        histogram.merge(n.getOpType(), 1, Integer::sum);
      }
      out.println("ops: " + format(histogram));
      printUnsupported(out, unsupported);
      out.println("supported ops: " + String.join(", ", OnnxImporter.supportedOps()));
      out.flush();
      return Failures.BAD_INPUT;
    }
    print(out, model.load());
    out.println("unsupported ops: none");
    out.flush();
    return Failures.OK;
  }

  private static void print(PrintWriter out, Graph g) {
    Map<String, Shape> feeds = new TreeMap<>();
    for (GraphInput in : g.inputs()) {
      feeds.put(in.name(), in.shapeForBatch(SHAPE_BATCH));
    }
    Map<String, Shape> shapes = g.inferShapes(feeds);
    out.println("inputs:");
    g.inputs().forEach(in -> out.println("  " + in));
    out.println("outputs (batch " + SHAPE_BATCH + "):");
    g.outputs().forEach(o -> out.println("  " + o + " " + shapes.get(o)));
    Map<String, Integer> histogram = new TreeMap<>();
    g.nodes().forEach(n -> histogram.merge(n.op().type(), 1, Integer::sum));
    out.println("ops: " + format(histogram));
    out.println("parameters: " + g.parameterCount());
    out.println("nodes (output shape for batch " + SHAPE_BATCH + "):");
    for (Node n : g.nodes()) {
      out.println("  " + n + " -> " + shapes.get(n.name()));
    }
  }

  private static void printUnsupported(PrintWriter out, Map<String, List<String>> unsupported) {
    out.println("unsupported ops:");
    unsupported.forEach((type, nodes) -> out.println("  " + type + " (nodes " + String.join(", ", nodes) + ")"));
  }

  private static String format(Map<String, Integer> histogram) {
    StringBuilder sb = new StringBuilder();
    histogram.forEach((type, count) -> sb.append(sb.length() == 0 ? "" : ", ").append(type).append(' ').append(count));
    return sb.toString();
  }
}
