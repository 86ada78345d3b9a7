package org.xai4j.explain.lrp.composite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.xai4j.explain.lrp.LinearRule;
import org.xai4j.explain.lrp.PassRule;
import org.xai4j.graph.Graph;
import org.xai4j.graph.GraphBuilder;

class CompositeTest {
  private static Graph mlp() {
    GraphBuilder b = Graph.builder();
    String x = b.input("input", -1, 4);
    String h = b.relu("relu", b.linear("fc1", x, 4, 8));
    return b.output(b.linear("fc2", h, 8, 3)).build();
  }

  @Test
  void aLinearNodeWithoutRuleIsAnErrorListingAllOfThem() {
    Composite activationsOnly = new Composite("partial", List.of(Assignment.byGroup(OpGroup.ACTIVATION, new PassRule())));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> activationsOnly.resolve(mlp()));
    assertTrue(e.getMessage().startsWith("composite partial assigns no rule to 2 node(s) with parameters or constant "
        + "operands"), e.getMessage());
    assertTrue(e.getMessage().contains("'fc1' (Gemm, parameters [weight, bias]), 'fc2' (Gemm, parameters [weight, bias])"),
        e.getMessage());
  }

  @Test
  void firstMatchWinsAndUserAssignmentsGoFirst() {
    Composite c = Composites.epsilonPlusFlat().prepend(Assignment.byName("fc.", LinearRule.gamma(0.5)));
    RuleTable t = c.resolve(mlp());
    assertEquals(Optional.of(LinearRule.gamma(0.5)), t.ruleOf("fc1"));
    assertEquals(Optional.of(LinearRule.gamma(0.5)), t.ruleOf("fc2"));
    assertEquals(Optional.of(new PassRule()), t.ruleOf("relu"));
  }

  @Test
  void presetsFollowZennitOnADenseNetwork() {
    Graph g = mlp();
    RuleTable plus = Composites.epsilonPlus().resolve(g);
    assertEquals(Optional.of(LinearRule.epsilon()), plus.ruleOf("fc1"));
    assertEquals(Optional.of(LinearRule.epsilon()), plus.ruleOf("fc2"));
    // EpsilonGammaBox's special first layer is the first convolution: a dense network has none
    RuleTable box = Composites.epsilonGammaBox(-3f, 3f).resolve(g);
    assertEquals(Optional.of(LinearRule.epsilon()), box.ruleOf("fc1"));
    RuleTable flat = Composites.epsilonAlpha2Beta1Flat().resolve(g);
    assertEquals(Optional.of(LinearRule.flat()), flat.ruleOf("fc1"));
    assertEquals(Optional.of(LinearRule.epsilon()), flat.ruleOf("fc2"));
  }

  @Test
  void deepTaylorUsesZPlusUpToTheOutputAndABoundedOrUnboundedFirstRule() {
    Graph g = mlp();
    RuleTable bounded = Composites.deepTaylor(
        org.xai4j.explain.lrp.BoxBound.scalar(0f), org.xai4j.explain.lrp.BoxBound.scalar(1f)).resolve(g);
    assertEquals(Optional.of(LinearRule.zBox(0f, 1f)), bounded.ruleOf("fc1"));
    assertEquals(Optional.of(LinearRule.zPlus()), bounded.ruleOf("fc2"));
    RuleTable unbounded = Composites.deepTaylor().resolve(g);
    assertEquals(Optional.of(LinearRule.wSquare()), unbounded.ruleOf("fc1"));
    assertEquals(Optional.of(LinearRule.zPlus()), unbounded.ruleOf("fc2"));
    assertTrue(unbounded.toString().contains("WSquare"), unbounded.toString());
  }

  @Test
  void presetsAreFoundByTheirCommandLineNames() {
    org.xai4j.explain.lrp.BoxBound low = org.xai4j.explain.lrp.BoxBound.scalar(-1f);
    org.xai4j.explain.lrp.BoxBound high = org.xai4j.explain.lrp.BoxBound.scalar(1f);
    for (String name : Composites.NAMES) {
      assertTrue(Composites.byName(name, low, high).assignments().size() > 3, name);
    }
    assertEquals(Composites.epsilonPlusFlat(), Composites.byName("epsilon-plus-flat", null, null));
    assertEquals(Composites.deepTaylor(), Composites.byName("deep-taylor", null, null));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Composites.byName("eps", null, null));
    assertTrue(e.getMessage().contains("epsilon-plus-flat, epsilon-gamma-box"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> Composites.byName("epsilon-gamma-box", null, null));
    assertThrows(IllegalArgumentException.class, () -> Composites.byName("deep-taylor", low, null));
  }
}
