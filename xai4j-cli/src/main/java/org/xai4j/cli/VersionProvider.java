package org.xai4j.cli;

import org.xai4j.kernel.Kernels;
import org.xai4j.kernel.Parallelism;
import picocli.CommandLine.IVersionProvider;

/** Prints the xai4j version with the Java runtime and the kernel provider in use. */
final class VersionProvider implements IVersionProvider {
  @Override
  public String[] getVersion() {
    String version = Main.class.getPackage().getImplementationVersion();
    return new String[] {
      "xai4j " + (version == null ? "(development build)" : version),
      "Java " + Runtime.version() + " on " + System.getProperty("os.name") + "/" + System.getProperty("os.arch"),
      "kernels: " + Kernels.provider() + ", " + Parallelism.threads() + " thread(s)"
    };
  }
}
