package org.xai4j.explain.lrp;

import org.xai4j.backprop.BackwardRule;
import org.xai4j.graph.Node;

/**
 * An LRP rule for one node, as data: it prints, compares, and is turned into the executable
 * {@link BackwardRule} of the one reverse pass ({@link org.xai4j.backprop.Backprop}) by
 * {@link #bind}, which does all per-node preparation (such as modified weights) once.
 *
 * <p>The interface is open: a rule of your own goes into a composite like the built-in ones
 * ({@code Composites.epsilonPlus().prepend(Assignment.byGroup(OpGroup.DENSE, new MyRule()))}); see
 * {@code docs/extending.md}. The contract every rule keeps:
 *
 * <ul>
 *   <li><b>A value.</b> A record (or a final class with {@code equals}, {@code hashCode}) whose
 *       components are its whole configuration, checked in its constructor, so an invalid rule
 *       cannot exist; {@code toString} names it and its parameters (rule tables and error messages
 *       print it).
 *   <li><b>{@link #bind} checks and prepares.</b> It rejects a node it does not apply to (op type,
 *       inputs, parameters) with an {@link IllegalArgumentException} naming the node and its op,
 *       and computes everything that depends only on the node (modified weights) once.
 *   <li><b>The bound rule is immutable and thread-safe.</b> It is called once per node and
 *       reverse pass, from any number of threads at once.
 *   <li><b>Shapes.</b> It receives the relevance at the node's output (the output's shape) and
 *       returns one relevance tensor for every input {@link org.xai4j.op.BackwardContext#needsInput}
 *       asks for, of that input's shape, and {@code null} for the others; the pass sums relevance
 *       arriving from several consumers. A failure inside it is reported naming the node and the
 *       rule.
 *   <li><b>Conservation</b> (for rules meant to conserve): the input relevance sums to the output
 *       relevance, up to the stabilizer and what a bias absorbs. A rule's test checks it on a
 *       bias-free layer, and checks the rule's numbers against a reference (Zennit's where it has
 *       the rule).
 * </ul>
 */
public interface NodeRule {
  /**
   * The executable rule for this node, prepared once and reusable for any number of passes and
   * threads.
   *
   * @throws IllegalArgumentException naming the node and its op if the rule does not apply to it
   */
  BackwardRule bind(Node node);
}
