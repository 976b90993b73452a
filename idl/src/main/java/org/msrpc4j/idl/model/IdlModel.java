package org.msrpc4j.idl.model;

import java.util.List;
import org.msrpc4j.idl.ast.Definition;

/**
 * The checked result of compiling one IDL file (with its imports and optional ACF). Immutable after
 * construction and safe to share between threads.
 *
 * @param mainFile the file that was compiled
 * @param symbols every name of the compilation, imports included
 * @param definitions the main file's type and constant declarations in order (those inside
 *     interfaces included); imported files' declarations are reachable through {@code symbols}
 * @param interfaces the main file's interfaces
 * @param warnings things that are legal but will not generate code (e.g. non-remotable types)
 */
public record IdlModel(
    String mainFile,
    SymbolTable symbols,
    List<Definition> definitions,
    List<InterfaceModel> interfaces,
    List<String> warnings) {}
