package org.msrpc4j.idl.ast;

import java.util.List;

/**
 * One parsed IDL file.
 *
 * @param name the file name as given
 * @param definitions its declarations in order (imports, top-level types, interfaces)
 */
public record IdlFile(String name, List<Definition> definitions) {}
