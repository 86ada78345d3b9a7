package org.xai4j.explain.extending;

import java.util.ArrayList;
import java.util.List;
import org.xai4j.explain.lrp.LinearRule;
import org.xai4j.explain.lrp.composite.Assignment;
import org.xai4j.explain.lrp.composite.Composite;
import org.xai4j.explain.lrp.composite.Composites;
import org.xai4j.explain.lrp.composite.OpGroup;

/** A composite of one's own: an ordered list of assignments, the first match wins. */
public final class MyComposites {
  private MyComposites() {}

  /**
   * The first convolution or dense layer flat, Zennit's base map (activations pass, sums and
   * average pooling Norm), other convolutions gamma 0.25, dense layers {@link MyEpsilon}.
   */
  public static Composite flatGammaMyEpsilon() {
    List<Assignment> all = new ArrayList<>();
    all.add(Assignment.firstOf(OpGroup.LINEAR, LinearRule.flat()));
    all.addAll(Composites.base());
    all.add(Assignment.byGroup(OpGroup.CONVOLUTION, LinearRule.gamma(LinearRule.DEFAULT_GAMMA)));
    all.add(Assignment.byGroup(OpGroup.DENSE, new MyEpsilon(1e-6)));
    return new Composite("FlatGammaMyEpsilon", all);
  }
}
