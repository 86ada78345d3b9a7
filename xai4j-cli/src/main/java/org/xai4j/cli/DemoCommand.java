package org.xai4j.cli;

import java.io.PrintWriter;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import org.xai4j.backprop.Backprop;
import org.xai4j.backprop.Seeds;
import org.xai4j.graph.Graph;
import org.xai4j.graph.GraphBuilder;
import org.xai4j.graph.Trace;
import org.xai4j.kernel.Kernels;
import org.xai4j.kernel.Parallelism;
import org.xai4j.tensor.Shape;
import org.xai4j.tensor.Tensor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code xai4j demo}: runs what xai4j can do so far on built-in models and data and prints the
 * results. It grows with the project into the full HTML report.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
    description = "Run the bundled models and data through everything xai4j can do so far.")
final class DemoCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--seed", description = "Seed for model initialization and inputs (default: ${DEFAULT-VALUE}).")
  long seed = GraphBuilder.DEFAULT_SEED;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    out.printf("xai4j demo (kernels: %s, %d thread(s))%n", Kernels.provider(), Parallelism.threads());
    GraphBuilder b = Graph.builder().seed(seed);
    String x = b.input("input", -1, 4);
    String h = b.relu("relu1", b.linear("fc1", x, 4, 8));
    Graph mlp = b.output(b.linear("fc2", h, 8, 3)).build();
    out.printf("model: seeded MLP 4-8-3, %d parameters%n", mlp.parameterCount());
    Tensor input = Tensor.randomNormal(Shape.of(1, 4), 1f, new Random(seed));
    Trace trace = mlp.forward(input);
    int target = trace.output().argmaxRows()[0];
    out.printf("input:    %s%nlogits:   %s%ntarget:   class %d%n", input, trace.output(), target);
    Tensor grad = Backprop.gradient(trace,
        Map.of("fc2", Seeds.oneHot(trace.output().shape(), new int[] {target}, 1f))).atInput();
    out.printf("gradient: %s%n", grad);
    out.printf("gradient x input: %s%n", grad.mul(input));
    out.flush();
    return 0;
  }
}
