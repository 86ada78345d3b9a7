package org.xai4j.cli;

import org.xai4j.explain.image.ImageInput;
import picocli.CommandLine.Option;

/**
 * The torchvision-style preprocessing of image files (a picocli mixin): {@code --resize --crop --mean --std}, as
 * {@link ImageInput} applies it. Declared once for {@code explain}, {@code run} (through {@link InputOptions}) and
 * {@code xai4j spark-explain}; public for the latter.
 */
public final class ImageOptions {
  @Option(names = "--resize", paramLabel = "PX", description = "Image file: shorter side after resizing (0: keep).")
  int resize;

  @Option(names = "--crop", paramLabel = "PX", description = "Image file: centred square crop (0: none).")
  int crop;

  @Option(names = "--mean", split = ",", paramLabel = "M", description = "Image file: per-channel mean (default "
      + "0,0,0).")
  float[] mean = {0f, 0f, 0f};

  @Option(names = "--std", split = ",", paramLabel = "S", description = "Image file: per-channel std (default "
      + "1,1,1).")
  float[] std = {1f, 1f, 1f};

  /**
   * The preprocessing given.
   *
   * @throws IllegalArgumentException naming the option if a value is out of range
   */
  public ImageInput imageInput() {
    return new ImageInput(resize, crop, mean, std);
  }

  /** Whether {@code --resize} or {@code --crop} is given. */
  boolean resizes() {
    return resize != 0 || crop != 0;
  }
}
