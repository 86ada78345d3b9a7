package org.xai4j.bench;

import ai.onnx.proto.OnnxMl.ModelProto;
import com.google.protobuf.InvalidProtocolBufferException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.xai4j.explain.lrp.LrpRules;
import org.xai4j.explain.lrp.composite.Composites;
import org.xai4j.explain.lrp.composite.RuleTable;
import org.xai4j.graph.Graph;
import org.xai4j.graph.GraphBuilder;
import org.xai4j.graph.Trace;
import org.xai4j.onnx.OnnxExporter;
import org.xai4j.onnx.OnnxImporter;
import org.xai4j.tensor.Shape;
import org.xai4j.tensor.Tensor;

/**
 * How preparation scales with the node count (issue 16): a chain of {@code nodes} nodes, alternating 4 x 4 linear
 * layers and ReLUs, is imported from its ONNX bytes ({@link #importModel}), its LRP rules are resolved for the
 * {@code epsilon-plus-flat} composite ({@link #resolveRules}), and, for comparison, run forward on one sample
 * ({@link #forward}). Linear preparation means the time per node stays flat from 10k to 200k nodes.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = {BenchFlags.VECTOR, "-Xms4g", "-Xmx4g"})
@Warmup(iterations = 2)
@Measurement(iterations = 3)
public class PreparationScalingBenchmark {
  private static final int WIDTH = 4;

  /** Nodes of the chain (half linear layers, half ReLUs). */
  @Param({"10000", "40000", "200000"})
  public int nodes;

  private byte[] onnx;
  private Graph graph;
  private Tensor input;

  /** Builds the chain and its ONNX bytes. */
  @Setup
  public void setup() {
    GraphBuilder b = Graph.builder().seed(1);
    String v = b.input("x", -1, WIDTH);
    for (int i = 0; i < nodes / 2; i++) {
      v = b.relu("r" + i, b.linear("fc" + i, v, WIDTH, WIDTH));
    }
    graph = b.output(v).build();
    onnx = OnnxExporter.export(graph).toByteArray();
    input = Tensor.full(Shape.of(1, WIDTH), 0.5f);
  }

  /** Parses and imports the ONNX model. */
  @Benchmark
  public Graph importModel() throws InvalidProtocolBufferException {
    return OnnxImporter.convert(ModelProto.parseFrom(onnx), null, "chain.onnx");
  }

  /** Resolves the composite's rule for every node. */
  @Benchmark
  public RuleTable resolveRules() {
    return LrpRules.of(Composites.byName("epsilon-plus-flat", null, null)).table(graph);
  }

  /** One forward pass, the yardstick. */
  @Benchmark
  public Trace forward() {
    return graph.forward(input);
  }
}
