package org.xai4j.bench;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
import org.xai4j.data.Mnist;
import org.xai4j.models.bundled.BundledModelFiles;
import org.xai4j.visualize.prototype.MethodResult;
import org.xai4j.visualize.prototype.PrototypeMethod;
import org.xai4j.visualize.prototype.PrototypeProgress;
import org.xai4j.visualize.prototype.PrototypeRecipe;
import org.xai4j.visualize.prototype.PrototypeRunner;

/**
 * Class prototypes of the ten MNIST digits on the bundled mnist-cnn with the default recipe
 * ({@link PrototypeRecipe#defaults()}, the settings of {@code xai4j prototype}, the demo and the
 * tests): seconds per call of {@link PrototypeRunner#run}, which fits every expert (Gaussian,
 * mixture, RBM with its AIS estimate and held-out log-likelihoods), fits the decoder's code prior,
 * runs each method's ascent for the ten classes as one batch and measures the prototypes. Loading
 * the models and the data is setup. The target is under 60 s for all five methods;
 * {@code -p methods=gmm} times one method.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = {BenchFlags.VECTOR, "-Xms4g", "-Xmx4g"})
@Warmup(iterations = 1)
@Measurement(iterations = 3)
public class PrototypeBenchmark {
  private static final int[] DIGITS = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9};

  /** Comma-separated method names ({@link PrototypeMethod#id()}). */
  @Param({"l2,gaussian,gmm,rbm,decoder"})
  public String methods;

  private PrototypeRunner.Inputs inputs;
  private List<PrototypeMethod> chosen;

  /** Loads mnist-cnn, mnist-decoder and the bundled MNIST digits. */
  @Setup
  public void setup() {
    Mnist mnist = Mnist.load();
    inputs = new PrototypeRunner.Inputs(BundledModelFiles.load("mnist-cnn"),
        Optional.of(BundledModelFiles.load("mnist-decoder")), mnist.train().images(), mnist.test().images(), "mnist",
        Map.of());
    chosen = Arrays.stream(methods.split(",")).map(PrototypeMethod::byId).toList();
  }

  /** Every chosen method for the ten digits, experts fitted in the call. */
  @Benchmark
  public List<MethodResult> prototypes() {
    return PrototypeRunner.run(inputs, chosen, DIGITS, PrototypeRecipe.defaults(), PrototypeProgress.silent());
  }
}
