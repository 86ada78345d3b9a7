package org.xai4j.models;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.xai4j.data.LabeledImages;
import org.xai4j.data.Mnist;
import org.xai4j.data.ShapeKind;
import org.xai4j.data.ShapesData;
import org.xai4j.data.TextureKind;
import org.xai4j.data.TexturesData;
import org.xai4j.tensor.Tensor;

/**
 * The held-out data sets shipped with xai4j, by the names the command line takes ({@code --data mnist
 * --index 3}): the 2,000 held-out MNIST digits ({@link Mnist#test()}), the held-out Shapes images of
 * {@code shapes-cnn} with their object masks ({@link ShapesHeldOut}) and the held-out Textures images of
 * {@code textures-cnn} ({@link TexturesHeldOut}). Every image is {@code [C, H, W]} with values in
 * {@code [0, 1]}; a set is read or generated once per JVM, on first use.
 *
 * <pre>{@code
 * Tensor digit = BundledData.MNIST.sample(3);          // [1, 1, 28, 28]
 * String name = BundledData.SHAPES.classNames().get(2); // "triangle"
 * }</pre>
 */
public enum BundledData {
  /** The 2,000 held-out MNIST digits, {@code [1, 28, 28]}, classes {@code 0} to {@code 9}. */
  MNIST("mnist", "the 2,000 held-out MNIST digits (1 x 28 x 28)", digitNames(),
      () -> new Held(Mnist.load().test(), null)),
  /** shapes-cnn's 1,000 held-out Shapes images, {@code [3, 64, 64]}, with their object masks. */
  SHAPES("shapes", "shapes-cnn's " + ShapesHeldOut.COUNT + " held-out Shapes images (3 x 64 x 64, with object masks)",
      names(ShapeKind.values()), () -> {
        ShapesData s = ShapesHeldOut.generate();
        return new Held(s.images(), s.masks());
      }),
  /** textures-cnn's 1,200 held-out Textures images, {@code [3, 64, 64]}. */
  TEXTURES("textures", "textures-cnn's " + TexturesHeldOut.COUNT + " held-out Textures images (3 x 64 x 64)",
      names(TextureKind.values()), () -> {
        TexturesData t = TexturesHeldOut.generate();
        return new Held(t.images(), null);
      });

  /** The images and, where the set has them, masks {@code [N, H, W]}. */
  private record Held(LabeledImages images, Tensor masks) {}

  private static final ConcurrentMap<BundledData, Held> LOADED = new ConcurrentHashMap<>();

  private final String id;
  private final String description;
  private final List<String> classNames;
  private final Supplier<Held> loader;

  BundledData(String id, String description, List<String> classNames, Supplier<Held> loader) {
    this.id = id;
    this.description = description;
    this.classNames = classNames;
    this.loader = loader;
  }

  /** The name the command line takes, e.g. {@code mnist}. */
  public String id() {
    return id;
  }

  /** One line saying what the set holds. */
  public String description() {
    return description;
  }

  /** The class names, indexed by class ({@code "0"} to {@code "9"}, {@code "circle"}, ...). */
  public List<String> classNames() {
    return classNames;
  }

  /** The held-out images with their labels. */
  public LabeledImages heldOut() {
    return held().images();
  }

  /** The object masks {@code [N, H, W]} (1 inside the object), for sets that have them (Shapes). */
  public Optional<Tensor> masks() {
    return Optional.ofNullable(held().masks());
  }

  /** Number of held-out images. */
  public int size() {
    return heldOut().size();
  }

  /**
   * The images at {@code indices} as one batch {@code [indices.length, C, H, W]}.
   *
   * @throws IllegalArgumentException naming the set and its size if an index is outside it
   */
  public Tensor sample(int... indices) {
    return subset(indices).images();
  }

  /**
   * The images and labels at {@code indices}.
   *
   * @throws IllegalArgumentException naming the set and its size if an index is outside it
   */
  public LabeledImages subset(int... indices) {
    if (indices.length == 0) {
      throw new IllegalArgumentException("no index given for the bundled data set " + id);
    }
    LabeledImages all = heldOut();
    for (int i : indices) {
      if (i < 0 || i >= all.size()) {
        throw new IllegalArgumentException("--index " + i + " is outside the bundled data set " + id + " (indices 0 to "
            + (all.size() - 1) + ")");
      }
    }
    return all.subset(indices.clone());
  }

  /**
   * The set of that name.
   *
   * @throws IllegalArgumentException listing the names if there is none
   */
  public static BundledData named(String id) {
    return Arrays.stream(values()).filter(d -> d.id.equals(id)).findFirst().orElseThrow(() ->
        new IllegalArgumentException("no bundled data set '" + id + "'; choose one of " + names()));
  }

  /** Whether {@code id} names a bundled set. */
  public static boolean exists(String id) {
    return Arrays.stream(values()).anyMatch(d -> d.id.equals(id));
  }

  /** The names of all sets. */
  public static List<String> names() {
    return Arrays.stream(values()).map(BundledData::id).toList();
  }

  private Held held() {
    return LOADED.computeIfAbsent(this, d -> d.loader.get());
  }

  private static List<String> digitNames() {
    return IntStream.range(0, Mnist.CLASSES).mapToObj(Integer::toString).toList();
  }

  private static List<String> names(Enum<?>[] kinds) {
    return Arrays.stream(kinds).map(k -> k.name().toLowerCase(Locale.ROOT)).toList();
  }
}
