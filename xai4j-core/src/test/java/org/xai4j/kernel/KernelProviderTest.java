package org.xai4j.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.ResourceBundle;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The property parsing and every branch of the provider decision. The decision takes its inputs
 * as arguments, so a scalar instance stands in for "the vector kernels" here: what is tested is
 * which instance is returned and what is logged, not the arithmetic.
 */
class KernelProviderTest {
  /** A check no kernel can pass, with a short budget. */
  private static final ThroughputCheck IMPOSSIBLE = new ThroughputCheck(Double.MAX_VALUE, 20_000_000L);
  /** A check every kernel passes at once. */
  private static final ThroughputCheck TRIVIAL = new ThroughputCheck(0, 20_000_000L);

  @Test
  void parsesChoicesIgnoringCaseAndBlanks() {
    assertEquals(KernelChoice.AUTO, KernelChoice.parse(null));
    assertEquals(KernelChoice.AUTO, KernelChoice.parse("  "));
    assertEquals(KernelChoice.AUTO, KernelChoice.parse("auto"));
    assertEquals(KernelChoice.VECTOR, KernelChoice.parse(" Vector "));
    assertEquals(KernelChoice.SCALAR, KernelChoice.parse("SCALAR"));
  }

  @Test
  void unknownChoiceListsTheChoices() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> KernelChoice.parse("gpu"));
    assertEquals("-Dxai4j.kernels=gpu is not one of auto, scalar, vector", e.getMessage());
  }

  @Test
  void scalarChoiceNeverTouchesTheVectorKernels() {
    RecordingLogger log = new RecordingLogger();
    KernelSupport s = KernelProvider.select(KernelChoice.SCALAR, true, failingFactory(), IMPOSSIBLE, log);
    assertEquals("scalar", s.name());
    assertEquals(List.of(), log.lines);
  }

  @Test
  void autoWithoutTheModuleFallsBackAndNamesTheFlag() {
    RecordingLogger log = new RecordingLogger();
    KernelSupport s = KernelProvider.select(KernelChoice.AUTO, false, failingFactory(), TRIVIAL, log);
    assertInstanceOf(ScalarKernelSupport.class, s);
    assertEquals(1, log.lines.size(), log.lines.toString());
    assertTrue(log.lines.get(0).startsWith("WARNING "), log.lines.toString());
    assertTrue(log.lines.get(0).contains("--add-modules=jdk.incubator.vector"), log.lines.toString());
  }

  @Test
  void vectorWithoutTheModuleFailsLoudly() {
    RecordingLogger log = new RecordingLogger();
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> KernelProvider.select(KernelChoice.VECTOR, false, failingFactory(), TRIVIAL, log));
    assertTrue(e.getMessage().contains("-Dxai4j.kernels=vector")
        && e.getMessage().contains("--add-modules=jdk.incubator.vector"), e.getMessage());
  }

  @Test
  void unsupportedVectorShapeIsReportedOnce() {
    RecordingLogger log = new RecordingLogger();
    Supplier<KernelSupport> narrow = () -> {
      throw new UnsupportedOperationException("the preferred float vector is 64 bits wide, narrower than 128");
    };
    assertInstanceOf(ScalarKernelSupport.class,
        KernelProvider.select(KernelChoice.AUTO, true, narrow, TRIVIAL, log));
    assertEquals(1, log.lines.size());
    assertTrue(log.lines.get(0).contains("64 bits wide"), log.lines.toString());
    assertThrows(IllegalStateException.class,
        () -> KernelProvider.select(KernelChoice.VECTOR, true, narrow, TRIVIAL, new RecordingLogger()));
  }

  @Test
  void healthyVectorKernelsAreChosenSilently() {
    RecordingLogger log = new RecordingLogger();
    KernelSupport stand = new ScalarKernelSupport();
    assertSame(stand, KernelProvider.select(KernelChoice.AUTO, true, () -> stand, TRIVIAL, log));
    assertSame(stand, KernelProvider.select(KernelChoice.VECTOR, true, () -> stand, TRIVIAL, log));
    assertEquals(List.of(), log.lines);
  }

  @Test
  void slowVectorKernelsFallBackUnderAutoButStayWhenForced() {
    KernelSupport stand = new ScalarKernelSupport();
    RecordingLogger auto = new RecordingLogger();
    KernelSupport chosen = KernelProvider.select(KernelChoice.AUTO, true, () -> stand, IMPOSSIBLE, auto);
    assertTrue(chosen != stand && chosen instanceof ScalarKernelSupport);
    assertEquals(1, auto.lines.size());
    assertTrue(auto.lines.get(0).contains("GFLOP/s") && auto.lines.get(0).contains("-Dxai4j.kernels=vector"),
        auto.lines.toString());
    RecordingLogger forced = new RecordingLogger();
    assertSame(stand, KernelProvider.select(KernelChoice.VECTOR, true, () -> stand, IMPOSSIBLE, forced));
    assertEquals(1, forced.lines.size());
  }

  @Test
  void throughputCheckMeasuresARealKernel() {
    ThroughputCheck.Result r = TRIVIAL.run(new ScalarKernelSupport());
    assertTrue(r.passed() && r.bestGflops() > 0, r.toString());
    ThroughputCheck.Result slow = IMPOSSIBLE.run(new ScalarKernelSupport());
    assertTrue(!slow.passed() && slow.elapsedNanos() >= IMPOSSIBLE.budgetNanos() / 5, slow.toString());
  }

  @Test
  void theJvmWideChoiceIsOneOfTheProviders() {
    String name = Kernels.provider();
    assertTrue(name.equals("vector") || name.equals("scalar"), name);
    if (ModuleLayer.boot().findModule(KernelProvider.VECTOR_MODULE).isEmpty()) {
      assertEquals("scalar", name);
    }
  }

  private static Supplier<KernelSupport> failingFactory() {
    return () -> {
      throw new AssertionError("the vector kernels must not be built here");
    };
  }

  /** Collects "LEVEL message" lines. */
  private static final class RecordingLogger implements System.Logger {
    final List<String> lines = new ArrayList<>();

    @Override
    public String getName() {
      return "test";
    }

    @Override
    public boolean isLoggable(Level level) {
      return true;
    }

    @Override
    public void log(Level level, ResourceBundle bundle, String msg, Throwable thrown) {
      lines.add(level + " " + msg);
    }

    @Override
    public void log(Level level, ResourceBundle bundle, String format, Object... params) {
      lines.add(level + " " + format);
    }
  }
}
