package org.xai4j.onnx;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.xai4j.graph.Graph;
import org.xai4j.tensor.Tensor;
import org.xai4j.testing.SharedFolder;

/**
 * Runs every case of {@code shared/onnx-conformance} (ONNX backend test data: pytorch-converted,
 * pytorch-operator, simple): imports {@code model.onnx}, feeds each {@code test_data_set_*} and
 * compares every output with {@code |got - want| <= ATOL + RTOL |want|} (NaN matches NaN, as
 * in NumPy's {@code assert_allclose}). Cases the importer rejects
 * as unsupported are listed with the reason; every other case must pass, and the number of passing
 * cases must not fall below {@link #MIN_PASSED} (raised as ops land).
 */
class ConformanceTest {
  private static final double RTOL = 1e-3;
  private static final double ATOL = 1e-5;
  private static final List<String> SUITES = List.of("pytorch-converted", "pytorch-operator", "simple");
  /** The pass count reached so far; a regression below it fails the build. */
  static final int MIN_PASSED = 99;

  @Test
  void conformanceSuite() throws IOException {
    Path root = SharedFolder.require("onnx-conformance");
    List<String> passed = new ArrayList<>();
    Map<String, List<String>> skipped = new TreeMap<>();
    Map<String, String> failed = new TreeMap<>();
    for (String suite : SUITES) {
      for (Path dir : list(root.resolve(suite))) {
        String name = suite + "/" + dir.getFileName();
        try {
          runCase(dir);
          passed.add(name);
        } catch (UnsupportedModelException e) {
          skipped.computeIfAbsent(reason(e.getMessage()), k -> new ArrayList<>()).add(name);
        } catch (RuntimeException | AssertionError e) {
          failed.put(name, e.getMessage());
        }
      }
    }
    int total = passed.size() + failed.size() + skipped.values().stream().mapToInt(List::size).sum();
    System.out.println("ONNX conformance: " + passed.size() + " of " + total + " cases pass, "
        + failed.size() + " fail, " + (total - passed.size() - failed.size()) + " skipped as unsupported");
    skipped.forEach((reason, cases) -> System.out.println("  skipped (" + reason + "): " + cases));
    failed.forEach((c, msg) -> System.out.println("  FAILED " + c + ": " + msg));
    assertTrue(failed.isEmpty(), "conformance cases fail: " + failed.keySet());
    assertTrue(passed.size() >= MIN_PASSED, passed.size() + " cases pass, expected at least " + MIN_PASSED);
  }

  private static List<Path> list(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(Files::isDirectory).sorted().toList();
    }
  }

  /** The part of an unsupported-model message after the file name and node, for grouping. */
  private static String reason(String message) {
    String m = message.replaceFirst("^model\\.onnx(: | \\(opset \\d+\\): )", "");
    m = m.replaceFirst("^node '[^']*' ", "").replaceAll(" \\(nodes [^)]*\\)", "");
    return m.replaceFirst("^graph input '[^']*'", "graph input");
  }

  private static void runCase(Path dir) throws IOException {
    Graph g = OnnxImporter.read(dir.resolve("model.onnx"));
    for (Path data : list(dir)) {
      Map<String, Tensor> feeds = new HashMap<>();
      for (int i = 0; i < g.inputs().size(); i++) {
        feeds.put(g.inputs().get(i).name(), OnnxImporter.readTensor(data.resolve("input_" + i + ".pb")));
      }
      var trace = g.forward(feeds);
      for (int i = 0; i < g.outputs().size(); i++) {
        Tensor want = OnnxImporter.readTensor(data.resolve("output_" + i + ".pb"));
        Tensor got = trace.get(g.outputs().get(i));
        assertClose(got, want, data.getFileName() + " output " + i);
      }
    }
  }

  private static void assertClose(Tensor got, Tensor want, String what) {
    if (!got.shape().equals(want.shape())) {
      throw new AssertionError(what + ": shape " + got.shape() + ", expected " + want.shape());
    }
    for (int i = 0; i < got.size(); i++) {
      double w = want.getFlat(i);
      double err = Math.abs(got.getFlat(i) - w);
      boolean bothNaN = Double.isNaN(w) && Float.isNaN(got.getFlat(i));
      if (!bothNaN && !(err <= ATOL + RTOL * Math.abs(w))) {
        throw new AssertionError(what + ": element " + i + " is " + got.getFlat(i) + ", expected " + w);
      }
    }
  }
}
