package org.msrpc4j.cli;

import org.msrpc4j.runtime.epm.EndpointEntry;

/** One line of {@code msrpc epm} output: interface and version, binding, object UUID, annotation. */
final class EpmCommandLine {
  private EpmCommandLine() {}

  static String format(EndpointEntry e, String connectedHost) {
    String iface = e.tower().iface().map(i -> i.uuid() + " v" + i.major() + "." + i.minor()).orElse("(no interface floor)");
    // Samba's towers carry 0.0.0.0: show the address we reached instead.
    String binding = e.tower().toStringBinding().replace(":0.0.0.0[", ":" + connectedHost + "[");
    StringBuilder sb = new StringBuilder(iface).append("  ").append(binding);
    if (e.object().getMostSignificantBits() != 0 || e.object().getLeastSignificantBits() != 0) {
      sb.append("  object ").append(e.object());
    }
    if (!e.annotation().isEmpty()) {
      sb.append("  \"").append(e.annotation()).append('"');
    }
    return sb.toString();
  }
}
