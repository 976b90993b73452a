package org.msrpc4j.cli;

import picocli.CommandLine.IVersionProvider;

/** Reports the version Maven stamped into the jar manifest. */
final class VersionProvider implements IVersionProvider {
  @Override
  public String[] getVersion() {
    String v = Msrpc.class.getPackage().getImplementationVersion();
    return new String[] {"msrpc4j " + (v == null ? "(development build)" : v),
        "Java " + System.getProperty("java.version")};
  }
}
