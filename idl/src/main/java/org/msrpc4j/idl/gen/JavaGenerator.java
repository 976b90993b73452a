package org.msrpc4j.idl.gen;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.msrpc4j.idl.IdlException;
import org.msrpc4j.idl.ast.Definition;
import org.msrpc4j.idl.ast.TypeRef;
import org.msrpc4j.idl.model.IdlModel;
import org.msrpc4j.idl.model.InterfaceModel;
import org.msrpc4j.idl.model.SymbolTable;

/**
 * Generates Java sources for a checked {@link IdlModel}: the main file's types, the imported types
 * they use, one constants class, and per interface a holder, client stub, server interface and
 * dispatcher. Stateless; each call works on its own state.
 */
public final class JavaGenerator {

  /**
   * The generated sources.
   *
   * @param files Java source text by relative path ({@code org/example/Foo.java})
   * @param warnings things the user should know (types that cannot be transmitted, callbacks)
   */
  public record Result(Map<String, String> files, List<String> warnings) {}

  /**
   * @param model the checked IDL
   * @param packageName the Java package for every generated class
   * @throws IdlException when a construct cannot be generated
   */
  public Result generate(IdlModel model, String packageName) throws IdlException {
    if (!packageName.matches("[A-Za-z_$][A-Za-z0-9_$]*(\\.[A-Za-z_$][A-Za-z0-9_$]*)*")) {
      throw new IdlException(null, "'" + packageName + "' is not a valid Java package name");
    }
    Set<String> reserved = new HashSet<>();
    for (InterfaceModel i : model.interfaces()) {
      reserved.addAll(InterfaceGenerator.classNames(i));
    }
    String constantsClass = constantsClassName(model.mainFile());
    reserved.add(constantsClass);
    reserved.add("NotRemotable");
    reserved.add("Holder");
    String pointerDefault = model.interfaces().isEmpty() ? "unique" : model.interfaces().get(0).pointerDefault();
    boolean msUnion = !model.interfaces().isEmpty() && model.interfaces().get(0).msUnion();
    SymbolTable symbols = model.symbols();
    TypeCatalog catalog = new TypeCatalog(symbols, pointerDefault, reserved);
    MarshalCodegen marshal = new MarshalCodegen(new ExpressionTranslator(symbols), msUnion);
    TypeGenerator types = new TypeGenerator(packageName, marshal, symbols);
    List<String> warnings = new ArrayList<>(model.warnings());
    Map<String, String> files = new LinkedHashMap<>();
    String dir = packageName.replace('.', '/') + "/";

    // The main file's named types, in declaration order.
    for (Definition d : model.definitions()) {
      TypeRef t = d instanceof Definition.Typedef td ? td.type()
          : d instanceof Definition.TagDefinition tag ? tag.type() : null;
      if (t == null) {
        continue;
      }
      if (d instanceof Definition.Typedef td && org.msrpc4j.idl.ast.Attribute.has(td.attrs(), "context_handle")) {
        catalog.handle(td.name());
        continue;
      }
      String name = d instanceof Definition.Typedef td ? td.name() : "Anonymous";
      if (t instanceof TypeRef.Struct s) {
        catalog.struct(s, name);
      } else if (t instanceof TypeRef.Union u) {
        catalog.union(u, name, d instanceof Definition.Typedef td ? td.attrs() : List.of());
      } else if (t instanceof TypeRef.Enum e) {
        catalog.enumeration(e, name);
      }
    }
    for (InterfaceModel i : model.interfaces()) {
      if (i.local()) {
        continue;
      }
      InterfaceGenerator g = new InterfaceGenerator(packageName, i, catalog, marshal, types, symbols, warnings);
      String b = JavaNames.typeName(i.name());
      files.put(dir + b + ".java", g.holderClass());
      files.put(dir + b + "Client.java", g.client());
      files.put(dir + b + "Server.java", g.serverInterface());
      files.put(dir + b + "Dispatcher.java", g.dispatcher());
    }
    // Generating a type can reach further types (members of members): loop until none is new.
    for (int i = 0; i < catalog.reached().size(); i++) {
      Object info = catalog.reached().get(i);
      if (info instanceof TypeCatalog.StructInfo s) {
        files.put(dir + s.javaName + ".java", types.struct(s));
        noteNotRemotable(warnings, s.idlName, s.fields);
      } else if (info instanceof TypeCatalog.UnionInfo u) {
        files.put(dir + u.javaName + ".java", types.union(u));
      } else if (info instanceof TypeCatalog.EnumInfo e) {
        files.put(dir + e.javaName() + ".java", types.enumeration(e));
      } else if (info instanceof TypeCatalog.HandleInfo h) {
        files.put(dir + h.javaName() + ".java", types.handle(h));
      }
    }
    String constants = new ConstantsGenerator(packageName).generate(constantsClass, model, symbols);
    if (constants != null) {
      files.put(dir + constantsClass + ".java", constants);
    }
    files.put(dir + "NotRemotable.java", types.notRemotable());
    files.put(dir + "Holder.java", types.holder());
    return new Result(files, warnings);
  }

  private static void noteNotRemotable(List<String> warnings, String type, List<TypeCatalog.Member> fields) {
    for (TypeCatalog.Member m : fields) {
      if (m.shape() instanceof Shape.NotRemotable n) {
        warnings.add(m.field().position() + ": " + type + "." + (m.field().name() != null ? m.field().name() : m.javaName()) + " cannot be transmitted ("
            + n.why() + "); its generated encode/decode fail at run time");
      }
    }
  }

  /** {@code ms-lsad.idl} → {@code MsLsadConstants}. */
  static String constantsClassName(String file) {
    String b = file.replaceAll(".*[/\\\\]", "").replaceAll("\\.[^.]*$", "");
    return JavaNames.typeName(b.replaceAll("[^A-Za-z0-9]", "_")) + "Constants";
  }
}
