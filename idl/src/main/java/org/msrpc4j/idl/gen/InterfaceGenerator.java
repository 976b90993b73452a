package org.msrpc4j.idl.gen;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.msrpc4j.idl.IdlException;
import org.msrpc4j.idl.ast.Attribute;
import org.msrpc4j.idl.ast.Field;
import org.msrpc4j.idl.ast.PrimitiveKind;
import org.msrpc4j.idl.ast.TypeRef;
import org.msrpc4j.idl.model.InterfaceModel;
import org.msrpc4j.idl.model.OperationModel;
import org.msrpc4j.idl.model.SymbolTable;

/**
 * Writes the Java side of one interface against the runtime's stub API (runtime/STUB-API.md): a
 * holder class with the interface id, opnums and result records; a blocking client stub; the server
 * interface a user implements; and the dispatcher that unmarshals requests and calls it.
 * Not thread-safe.
 */
final class InterfaceGenerator {
  /** Locals of generated stubs; parameters with these names are renamed. */
  private static final Set<String> RESERVED_LOCALS =
      Set.of("e", "d", "out", "channel", "call", "binding", "server", "stubIn", "r", "x", "opnum",
          "target", "returnValue", "top", "unused", "stub");

  private final String packageName;
  private final InterfaceModel iface;
  private final TypeCatalog catalog;
  private final MarshalCodegen marshal;
  private final TypeGenerator types;
  private final SymbolTable symbols;
  private final List<String> warnings;
  private final String base;
  private final List<Op> ops = new ArrayList<>();

  /** A parameter as the stubs see it. */
  private record Param(String javaName, Field field, Shape shape, boolean in, boolean out, boolean binding) {
    /** The Java type of the value (a top-level [ref] pointer is its referent). */
    String javaType() {
      if (shape instanceof Shape.Ptr p && p.kind().equals("ref")) {
        return JavaTypes.of(p.target());
      }
      return JavaTypes.of(shape);
    }

    /** The shape written for the value (a top-level [ref] pointer has no referent id). */
    Shape wireShape() {
      if (shape instanceof Shape.Ptr p && p.kind().equals("ref")) {
        return p.target();
      }
      return shape;
    }

    TypeCatalog.Member member() {
      return new TypeCatalog.Member(javaName, field, wireShape());
    }
  }

  /** An operation as the stubs see it. */
  private record Op(OperationModel model, String method, String resultName, List<Param> params, Shape returnShape,
      boolean explicitHandle) {
    boolean hasResultRecord() {
      return params.stream().anyMatch(Param::out);
    }

    String javaReturnType(String holderClass) {
      if (hasResultRecord()) {
        return holderClass + "." + resultName;
      }
      return returnShape == null ? "void" : JavaTypes.of(returnShape);
    }

    String opnumConstant() {
      return "OPNUM_" + model.name().replaceAll("([a-z0-9])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
    }
  }

  InterfaceGenerator(String packageName, InterfaceModel iface, TypeCatalog catalog, MarshalCodegen marshal,
      TypeGenerator types, SymbolTable symbols, List<String> warnings) throws IdlException {
    this.packageName = packageName;
    this.iface = iface;
    this.catalog = catalog;
    this.marshal = marshal;
    this.types = types;
    this.symbols = symbols;
    this.warnings = warnings;
    this.base = JavaNames.typeName(iface.name());
    Set<String> methods = new HashSet<>();
    for (OperationModel op : iface.operations()) {
      if (!op.onWire()) {
        continue;
      }
      if (Attribute.has(op.decl().attrs(), "callback")) {
        warnings.add(op.decl().position() + ": callback operation " + op.name() + " gets no stub (callbacks are not supported yet)");
        continue;
      }
      String method = JavaNames.memberName(op.name());
      for (int i = 2; !methods.add(method); i++) {
        method = JavaNames.memberName(op.name()) + i;
      }
      ops.add(op(op, method));
    }
  }

  /** The names of the classes this generator writes. */
  static List<String> classNames(InterfaceModel iface) {
    String b = JavaNames.typeName(iface.name());
    return List.of(b, b + "Client", b + "Server", b + "Dispatcher");
  }

  private Op op(OperationModel op, String method) throws IdlException {
    TypeCatalog.Scope scope = new TypeCatalog.Scope(op.decl().params());
    List<Param> params = new ArrayList<>();
    Set<String> names = new HashSet<>();
    boolean explicit = iface.explicitHandle() || Attribute.has(op.acfAttrs(), "explicit_handle");
    for (Field f : op.decl().params()) {
      if (f.name() == null) {
        continue; // (void)
      }
      String jn = JavaNames.memberName(f.name());
      if (RESERVED_LOCALS.contains(jn)) {
        jn = jn + "Param";
      }
      for (int i = 2; !names.add(jn); i++) {
        jn = JavaNames.memberName(f.name()) + i;
      }
      boolean binding = isHandleT(f.type());
      boolean out = Attribute.has(f.attrs(), "out");
      boolean in = Attribute.has(f.attrs(), "in") || !out;
      Shape shape = binding ? null
          : catalog.shape(f.type(), f.attrs(), true, scope, JavaNames.typeName(op.name()) + JavaNames.typeName(f.name()));
      params.add(new Param(jn, f, shape, in, out, binding));
      if (binding) {
        explicit = false; // the IDL's own handle_t parameter is the binding
      }
    }
    Shape ret = null;
    if (!(op.decl().returnType() instanceof TypeRef.Primitive p && p.kind() == PrimitiveKind.VOID)) {
      ret = catalog.shape(op.decl().returnType(), List.of(), true, scope, JavaNames.typeName(op.name()) + "Return");
    }
    return new Op(op, method, JavaNames.typeName(op.name()) + "Result", params, ret, explicit);
  }

  private boolean isHandleT(TypeRef t) throws IdlException {
    SymbolTable.Resolved r = symbols.resolve(t);
    return r.type() instanceof TypeRef.Primitive p && p.kind() == PrimitiveKind.HANDLE_T;
  }

  private CodeWriter header() {
    CodeWriter w = new CodeWriter();
    w.line("// Generated by msrpc4j-idl from interface " + iface.name() + ". Do not edit: change the IDL and regenerate.");
    w.line("package " + packageName + ";");
    w.blank();
    w.line("import java.util.ArrayList;");
    w.line("import java.util.Collections;");
    w.line("import java.util.List;");
    w.line("import java.util.concurrent.CompletableFuture;");
    w.line("import java.util.concurrent.CompletionException;");
    w.line("import org.msrpc4j.ndr.NdrDecoder;");
    w.line("import org.msrpc4j.ndr.NdrEncoder;");
    w.line("import org.msrpc4j.ndr.NdrException;");
    w.line("import org.msrpc4j.runtime.InterfaceId;");
    w.line("import org.msrpc4j.runtime.RpcCall;");
    w.line("import org.msrpc4j.runtime.RpcClientChannel;");
    w.line("import org.msrpc4j.runtime.RpcException;");
    w.line("import org.msrpc4j.runtime.RpcInterfaceHandler;");
    w.line("import org.msrpc4j.runtime.RpcRequest;");
    w.line("import org.msrpc4j.runtime.RpcStatus;");
    w.blank();
    return w;
  }

  // ------------------------------------------------------------------ holder class

  String holderClass() {
    CodeWriter w = header();
    w.javadoc("Interface {@code " + iface.name() + "} " + (iface.uuid() == null ? "" : iface.uuid() + " ") + "version "
        + iface.majorVersion() + "." + iface.minorVersion() + ": its identity, opnums and the result types of\n"
        + "operations with [out] parameters. Immutable and thread-safe.");
    w.line("public final class " + base + " {");
    w.javadoc("The interface UUID and version a client binds to and a server registers.");
    w.line("public static final InterfaceId INTERFACE_ID = InterfaceId.of(\"" + iface.uuid() + "\", "
        + iface.majorVersion() + ", " + iface.minorVersion() + ");");
    w.blank();
    List<String> endpoints = new ArrayList<>();
    for (String e : iface.endpoints()) {
      endpoints.add(JavaNames.literal(e));
    }
    w.javadoc("Well-known endpoints from the IDL's endpoint attribute (protseq:[endpoint]); empty when it has none.");
    w.line("public static final List<String> ENDPOINTS = List.of(" + String.join(", ", endpoints) + ");");
    w.blank();
    for (OperationModel op : iface.operations()) {
      if (op.opnum() < 0) {
        continue;
      }
      String c = "OPNUM_" + op.name().replaceAll("([a-z0-9])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
      w.javadoc("Opnum of {@code " + op.name() + "}" + (op.hole() ? " (reserved; not used on the wire)" : "") + ".");
      w.line("public static final int " + JavaNames.constantName(c) + " = " + op.opnum() + ";");
    }
    w.blank();
    w.line("private " + base + "() {");
    w.line("}");
    for (Op op : ops) {
      if (!op.hasResultRecord()) {
        continue;
      }
      w.blank();
      List<String> components = new ArrayList<>();
      StringBuilder doc = new StringBuilder("What {@code " + op.model().name() + "} returns: its [out] parameters"
          + (op.returnShape() == null ? "" : " and its return value") + ".\n");
      for (Param p : op.params()) {
        if (p.out()) {
          components.add(p.javaType() + " " + p.javaName());
          doc.append("\n@param ").append(p.javaName()).append(" [out] ").append(p.field().name());
        }
      }
      if (op.returnShape() != null) {
        components.add(JavaTypes.of(op.returnShape()) + " returnValue");
        doc.append("\n@param returnValue the operation's return value");
      }
      w.javadoc(doc.toString());
      w.line("public record " + op.resultName() + "(" + String.join(", ", components) + ") {");
      w.line("}");
    }
    w.line("}");
    return w.toString();
  }

  // ------------------------------------------------------------------ client

  String client() {
    CodeWriter w = header();
    w.javadoc("Client stub of interface {@code " + iface.name() + "}: per operation a blocking method, which marshals\n"
        + "the [in] parameters, makes the call on the channel and returns the [out] parameters, and an\n"
        + "{@code …Async} variant returning a CompletableFuture.\n\n"
        + "<p>Thread-safe: it holds only the channel, which is thread-safe.");
    w.line("@SuppressWarnings({\"unused\", \"unchecked\", \"rawtypes\"})");
    w.line("public final class " + base + "Client {");
    w.line("private final RpcClientChannel channel;");
    w.blank();
    w.javadoc("@param channel the binding the calls go to (operations with an explicit handle take their own)");
    w.line("public " + base + "Client(RpcClientChannel channel) {");
    w.line("this.channel = channel;");
    w.line("}");
    for (Op op : ops) {
      w.blank();
      clientMethod(w, op);
    }
    w.line("}");
    return w.toString();
  }

  private List<String> signature(Op op, String bindingType, String bindingName) {
    List<String> params = new ArrayList<>();
    if (op.explicitHandle()) {
      params.add(bindingType + " " + bindingName);
    }
    for (Param p : op.params()) {
      if (p.binding()) {
        params.add(bindingType + " " + p.javaName());
      } else if (p.in()) {
        params.add(p.javaType() + " " + p.javaName());
      }
    }
    return params;
  }

  private String bindingExpression(Op op, String explicitName) {
    if (op.explicitHandle()) {
      return explicitName;
    }
    for (Param p : op.params()) {
      if (p.binding()) {
        return p.javaName();
      }
    }
    return null;
  }

  /** The [in] parameters as a Java parameter list (without the binding). */
  private static List<String> inParameters(Op op) {
    List<String> params = new ArrayList<>();
    for (Param p : op.params()) {
      if (!p.binding() && p.in()) {
        params.add(p.javaType() + " " + p.javaName());
      }
    }
    return params;
  }

  private static List<String> inArguments(Op op) {
    List<String> args = new ArrayList<>();
    for (Param p : op.params()) {
      if (!p.binding() && p.in()) {
        args.add(p.javaName());
      }
    }
    return args;
  }

  private void clientMethod(CodeWriter w, Op op) {
    StringBuilder doc = new StringBuilder("Calls {@code " + op.model().name() + "} (opnum " + op.model().opnum() + ").\n");
    if (op.explicitHandle()) {
      doc.append("\n@param binding the channel to call on (ACF explicit_handle)");
    }
    for (Param p : op.params()) {
      if (p.binding()) {
        doc.append("\n@param ").append(p.javaName()).append(" the channel to call on (IDL handle_t ").append(p.field().name()).append(")");
      } else if (p.in()) {
        doc.append("\n@param ").append(p.javaName()).append(" [").append(p.out() ? "in, out" : "in").append("] ").append(p.field().name());
      }
    }
    String returnType = op.javaReturnType(base);
    boolean isVoid = returnType.equals("void");
    String cap = Character.toUpperCase(op.method().charAt(0)) + op.method().substring(1);
    String args = String.join(", ", inArguments(op));
    String b = bindingExpression(op, "binding");
    String target = b == null ? "channel" : b;
    // An [idempotent] operation travels as such, so the runtime may send it again after a lost connection.
    String call = base + ".INTERFACE_ID, " + op.model().opnum() + ", encode" + cap + "(" + args + ")";
    if (op.model().idempotent()) {
      call = "RpcRequest.idempotent(" + call + ")";
    }
    String asyncCall = op.model().idempotent()
        ? "RpcRequest.idempotent(" + base + ".INTERFACE_ID, " + op.model().opnum() + ", stub)"
        : base + ".INTERFACE_ID, " + op.model().opnum() + ", stub";
    String signature = String.join(", ", signature(op, "RpcClientChannel", "binding"));

    w.javadoc(doc + (isVoid ? "" : "\n@return " + (op.hasResultRecord() ? "the [out] parameters and return value" : "the return value"))
        + "\n@throws RpcException with the server's fault status or a local failure (RPC_X_BAD_STUB_DATA for a\n    response that does not unmarshal)");
    w.line("public " + returnType + " " + op.method() + "(" + signature + ")");
    w.line("throws RpcException {");
    if (isVoid) {
      w.line(target + ".call(" + call + ");");
    } else {
      w.line("return decode" + cap + "(" + target + ".call(" + call + ")" + (args.isEmpty() ? "" : ", " + args) + ");");
    }
    w.line("}");
    w.blank();

    String futureType = "CompletableFuture<" + (isVoid ? "Void" : boxedName(returnType)) + ">";
    w.javadoc(doc + "\n@return a future of " + (isVoid ? "the call's completion" : op.hasResultRecord() ? "the [out] parameters and return value" : "the return value")
        + "; it fails with an {@link RpcException}, and cancelling it cancels the call");
    w.line("public " + futureType + " " + op.method() + "Async(" + signature + ") {");
    w.line("byte[] stub;");
    w.line("try {");
    w.line("stub = encode" + cap + "(" + args + ");");
    w.line("} catch (RpcException x) {");
    w.line("return CompletableFuture.failedFuture(x);");
    w.line("}");
    if (isVoid) {
      w.line("return " + target + ".callAsync(" + asyncCall + ").thenApply(out -> null);");
    } else {
      w.line("return " + target + ".callAsync(" + asyncCall + ").thenApply(out -> {");
      w.line("try {");
      w.line("return decode" + cap + "(out" + (args.isEmpty() ? "" : ", " + args) + ");");
      w.line("} catch (RpcException x) {");
      w.line("throw new CompletionException(x);");
      w.line("}");
      w.line("});");
    }
    w.line("}");
    w.blank();

    // encode
    w.line("private static byte[] encode" + cap + "(" + String.join(", ", inParameters(op)) + ") throws RpcException {");
    w.line("NdrEncoder e = new NdrEncoder();");
    boolean anyInput = !inArguments(op).isEmpty();
    if (anyInput) {
      w.line("try {");
    }
    ValueScope inScope = ValueScope.empty();
    for (Param p : op.params()) {
      if (!p.binding()) {
        inScope.bind(p.field().name(), p.javaName(), p.shape());
      }
    }
    for (Param p : op.params()) {
      if (!p.binding() && p.in()) {
        writeTopLevel(w, p.wireShape(), p.javaName(), inScope);
      }
    }
    if (anyInput) {
      w.line("} catch (NdrException x) {");
      w.line("throw new RpcException(x.status(), \"cannot marshal the input of " + op.model().name() + ": \" + x.getMessage(), x);");
      w.line("}");
    }
    w.line("return e.toByteArray();");
    w.line("}");
    if (isVoid) {
      return;
    }
    w.blank();

    // decode
    List<String> decodeParams = new ArrayList<>();
    decodeParams.add("byte[] out");
    decodeParams.addAll(inParameters(op));
    w.line("private static " + returnType + " decode" + cap + "(" + String.join(", ", decodeParams) + ") throws RpcException {");
    w.line("try {");
    w.line("NdrDecoder d = new NdrDecoder(out);");
    ValueScope outScope = ValueScope.empty();
    for (Param p : op.params()) {
      if (!p.binding() && p.in() && !p.out()) {
        outScope.bind(p.field().name(), p.javaName(), p.shape());
      }
    }
    List<String> results = new ArrayList<>();
    for (Param p : op.params()) {
      if (!p.out()) {
        continue;
      }
      String local = "out" + Character.toUpperCase(p.javaName().charAt(0)) + p.javaName().substring(1);
      readTopLevel(w, p.wireShape(), p.javaType(), local, outScope);
      types.rangeCheck(w, p.member(), local);
      outScope.bind(p.field().name(), local, p.shape());
      results.add(local);
    }
    if (op.returnShape() != null) {
      readTopLevel(w, op.returnShape(), JavaTypes.of(op.returnShape()), "returnValue", outScope);
      results.add("returnValue");
    }
    if (op.hasResultRecord()) {
      w.line("return new " + base + "." + op.resultName() + "(" + String.join(", ", results) + ");");
    } else {
      w.line("return returnValue;");
    }
    w.line("} catch (NdrException x) {");
    w.line("throw new RpcException(RpcStatus.RPC_X_BAD_STUB_DATA, \"cannot unmarshal the output of " + op.model().name() + ": \" + x.getMessage(), x);");
    w.line("}");
    w.line("}");
  }

  /** Marshals one top-level value with everything it defers. */
  private void writeTopLevel(CodeWriter w, Shape wire, String value, ValueScope scope) {
    w.line("e.writeTopLevel(Boolean.TRUE, (top, unused) -> {");
    marshal.encode(w, wire, value, "top", scope, false);
    w.line("});");
  }

  /** Unmarshals one top-level value into a new final local. */
  private void readTopLevel(CodeWriter w, Shape wire, String javaType, String local, ValueScope scope) {
    String holder = local + "Holder";
    String boxed = boxedName(javaType);
    w.line("final Holder<" + boxed + "> " + holder + " = new Holder<>();");
    w.line("d.readTopLevel(top -> {");
    marshal.decode(w, wire, "top", scope, v -> holder + ".value = " + v + ";", null);
    w.line("return Boolean.TRUE;");
    w.line("});");
    w.line("final " + javaType + " " + local + " = " + holder + ".value;");
  }

  private static String boxedName(String javaType) {
    return switch (javaType) {
      case "boolean" -> "Boolean";
      case "byte" -> "Byte";
      case "short" -> "Short";
      case "char" -> "Character";
      case "int" -> "Integer";
      case "long" -> "Long";
      case "float" -> "Float";
      case "double" -> "Double";
      default -> javaType;
    };
  }

  // ------------------------------------------------------------------ server

  String serverInterface() {
    CodeWriter w = header();
    w.javadoc("What a server of interface {@code " + iface.name() + "} implements; register it with\n"
        + "{@code new " + base + "Dispatcher(implementation)}. Methods are called concurrently: implementations\n"
        + "must be thread-safe. Throw {@link RpcException} to answer with a fault.");
    w.line("public interface " + base + "Server {");
    for (Op op : ops) {
      StringBuilder doc = new StringBuilder("Operation {@code " + op.model().name() + "} (opnum " + op.model().opnum() + ").");
      if (op.explicitHandle()) {
        doc.append("\n\n@param call the call being served (ACF explicit_handle)");
      }
      w.javadoc(doc.toString());
      w.line(op.javaReturnType(base) + " " + op.method() + "(" + String.join(", ", signature(op, "RpcCall", "call")) + ")");
      w.line("throws RpcException;");
      w.blank();
    }
    w.line("}");
    return w.toString();
  }

  String dispatcher() {
    CodeWriter w = header();
    w.javadoc("Server dispatcher of interface {@code " + iface.name() + "}: unmarshals each request, calls the\n"
        + "{@link " + base + "Server} and marshals its result. Undecodable input is answered with\n"
        + "RPC_X_BAD_STUB_DATA, an unknown or reserved opnum with nca_s_op_rng_error.\n\n"
        + "<p>Thread-safe if the server implementation is.");
    w.line("@SuppressWarnings({\"unused\", \"unchecked\", \"rawtypes\"})");
    w.line("public final class " + base + "Dispatcher implements RpcInterfaceHandler {");
    w.line("private final " + base + "Server server;");
    w.blank();
    w.javadoc("@param server the implementation to call");
    w.line("public " + base + "Dispatcher(" + base + "Server server) {");
    w.line("this.server = server;");
    w.line("}");
    w.blank();
    w.line("@Override");
    w.line("public InterfaceId interfaceId() {");
    w.line("return " + base + ".INTERFACE_ID;");
    w.line("}");
    w.blank();
    w.line("@Override");
    w.line("public byte[] dispatch(int opnum, byte[] stubIn, RpcCall call) throws RpcException {");
    w.line("switch (opnum) {");
    for (Op op : ops) {
      w.line("case " + op.model().opnum() + ":");
      w.line("return " + op.method() + "(stubIn, call);");
    }
    w.line("default:");
    w.line("throw new RpcException(RpcStatus.NCA_S_OP_RNG_ERROR, \"opnum \" + opnum + \" is not served by " + iface.name() + "\");");
    w.line("}");
    w.line("}");
    for (Op op : ops) {
      w.blank();
      dispatchMethod(w, op);
    }
    w.line("}");
    return w.toString();
  }

  private void dispatchMethod(CodeWriter w, Op op) {
    w.line("private byte[] " + op.method() + "(byte[] stubIn, RpcCall call) throws RpcException {");
    ValueScope inScope = ValueScope.empty();
    List<String> args = new ArrayList<>();
    if (op.explicitHandle()) {
      args.add("call");
    }
    for (Param p : op.params()) {
      if (p.binding()) {
        args.add("call");
      } else if (p.in()) {
        w.line(p.javaType() + " " + p.javaName() + ";");
        args.add(p.javaName());
      }
    }
    w.line("try {");
    w.line("NdrDecoder d = new NdrDecoder(stubIn);");
    for (Param p : op.params()) {
      if (p.binding() || !p.in()) {
        continue;
      }
      String local = "in" + Character.toUpperCase(p.javaName().charAt(0)) + p.javaName().substring(1);
      readTopLevel(w, p.wireShape(), p.javaType(), local, inScope);
      types.rangeCheck(w, p.member(), local);
      inScope.bind(p.field().name(), local, p.shape());
      w.line(p.javaName() + " = " + local + ";");
    }
    w.line("} catch (NdrException x) {");
    w.line("throw new RpcException(RpcStatus.RPC_X_BAD_STUB_DATA, \"cannot unmarshal the input of " + op.model().name() + ": \" + x.getMessage(), x);");
    w.line("}");
    String callExpr = "server." + op.method() + "(" + String.join(", ", args) + ")";
    if (op.javaReturnType(base).equals("void")) {
      w.line(callExpr + ";");
      w.line("return new byte[0];");
      w.line("}");
      return;
    }
    w.line("final " + op.javaReturnType(base) + " r = " + callExpr + ";");
    ValueScope outScope = ValueScope.empty();
    for (Param p : op.params()) {
      if (p.binding()) {
        continue;
      }
      if (p.out()) {
        outScope.bind(p.field().name(), "r." + p.javaName() + "()", p.shape());
      } else {
        outScope.bind(p.field().name(), p.javaName(), p.shape());
      }
    }
    // Parameters are reassigned nowhere, but Java wants finals for the lambdas below.
    for (Param p : op.params()) {
      if (!p.binding() && p.in() && !p.out()) {
        w.line("final " + p.javaType() + " " + p.javaName() + "Final = " + p.javaName() + ";");
        outScope.bind(p.field().name(), p.javaName() + "Final", p.shape());
      }
    }
    w.line("NdrEncoder e = new NdrEncoder();");
    w.line("try {");
    for (Param p : op.params()) {
      if (p.out()) {
        writeTopLevel(w, p.wireShape(), "r." + p.javaName() + "()", outScope);
      }
    }
    if (op.returnShape() != null) {
      writeTopLevel(w, op.returnShape(), op.hasResultRecord() ? "r.returnValue()" : "r", outScope);
    }
    w.line("} catch (NdrException x) {");
    w.line("throw new RpcException(x.status(), \"cannot marshal the output of " + op.model().name() + ": \" + x.getMessage(), x);");
    w.line("}");
    w.line("return e.toByteArray();");
    w.line("}");
  }
}
