package org.msrpc4j.idl.ast;

import java.util.List;
import java.util.Map;
import org.msrpc4j.idl.SourcePosition;

/**
 * A parsed Application Configuration File: attributes that change how stubs are generated, not
 * what goes on the wire.
 *
 * @param interfaceName the interface it configures
 * @param interfaceAttrs e.g. {@code explicit_handle}, {@code implicit_handle(handle_t h)}, {@code strict_context_handle}
 * @param typeAttrs per type name, e.g. {@code context_handle_noserialize}
 * @param operations per operation name
 * @param position where the interface is declared
 */
public record AcfFile(
    String interfaceName,
    List<Attribute> interfaceAttrs,
    Map<String, List<Attribute>> typeAttrs,
    Map<String, Operation> operations,
    SourcePosition position) {

  /**
   * ACF attributes of one operation and its parameters.
   *
   * @param attrs operation attributes ({@code comm_status}, {@code fault_status}, {@code explicit_handle}, …)
   * @param params parameter attributes by parameter name
   * @param position where it is named
   */
  public record Operation(List<Attribute> attrs, Map<String, List<Attribute>> params, SourcePosition position) {}
}
