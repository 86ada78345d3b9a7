package org.xai4j.models;

import java.util.List;

/** The immutable registry of bundled model recipes, in the order they are documented. */
public final class BundledModels {
  private static final List<ModelRecipe> ALL = List.of(
      new MnistMlp(), new MnistCnn(), new ShapesCnn(), new TexturesCnn(), new MnistDecoder(), new Max2d());

  private BundledModels() {}

  /** Every recipe. */
  public static List<ModelRecipe> all() {
    return ALL;
  }

  /**
   * The recipe of that name.
   *
   * @throws IllegalArgumentException listing the known names if there is none
   */
  public static ModelRecipe named(String name) {
    return ALL.stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow(() ->
        new IllegalArgumentException("no bundled model '" + name + "'; choose one of " + names()));
  }

  /** The names of all recipes. */
  public static List<String> names() {
    return ALL.stream().map(ModelRecipe::name).toList();
  }
}
