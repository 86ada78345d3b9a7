package org.xai4j.data;

import java.util.Arrays;
import org.xai4j.tensor.Tensor;

/**
 * Images with one class label each.
 *
 * @param images {@code [N, C, H, W]}, values in {@code [0, 1]}
 * @param labels one class index per image, in {@code [0, classes)}
 * @param classes number of classes
 */
public record LabeledImages(Tensor images, int[] labels, int classes) {
  /** Checks that there is one label per image and that every label is a class; copies the labels. */
  public LabeledImages {
    if (images.rank() != 4) {
      throw new IllegalArgumentException("images must be [N, C, H, W], got shape " + images.shape());
    }
    if (images.shape().dim(0) != labels.length) {
      throw new IllegalArgumentException(
          labels.length + " labels for " + images.shape().dim(0) + " images of shape " + images.shape());
    }
    labels = labels.clone();
    Samples.oneHot(labels, classes);
  }

  /** The labels (a copy). */
  @Override
  public int[] labels() {
    return labels.clone();
  }

  /** Number of images. */
  public int size() {
    return labels.length;
  }

  /** The images and labels at {@code indices}, in that order. */
  public LabeledImages subset(int[] indices) {
    return new LabeledImages(Samples.gather(images, indices), Samples.gather(labels, indices), classes);
  }

  /** The first {@code n} images (for quick runs and tests). */
  public LabeledImages head(int n) {
    int[] idx = new int[Math.min(n, size())];
    Arrays.setAll(idx, i -> i);
    return subset(idx);
  }

  /** The labels as one-hot rows {@code [N, classes]}, the target of a cross-entropy loss. */
  public Tensor oneHotLabels() {
    return Samples.oneHot(labels, classes);
  }

  /** Number of images of each class. */
  public int[] classCounts() {
    int[] c = new int[classes];
    for (int l : labels) {
      c[l]++;
    }
    return c;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof LabeledImages l && l.classes == classes && Arrays.equals(l.labels, labels)
        && l.images.shape().equals(images.shape()) && l.images.maxAbsDifference(images) == 0f;
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(labels) * 31 + images.shape().hashCode();
  }

  @Override
  public String toString() {
    return "LabeledImages" + images.shape() + ", " + classes + " classes";
  }
}
