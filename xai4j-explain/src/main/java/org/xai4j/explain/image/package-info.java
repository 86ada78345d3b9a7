/**
 * Images in and out: model inputs read from PNG, JPEG and {@code .npy}
 * ({@link org.xai4j.explain.image.ImageInput}), PNG writing ({@link org.xai4j.explain.image.Png})
 * and bilinear resizing ({@link org.xai4j.explain.image.Bilinear}). Heatmap rendering and colour
 * maps live in xai4j-report ({@code org.xai4j.report.image}).
 */
package org.xai4j.explain.image;
