package org.msrpc4j.store;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.msrpc4j.authz.AccessCheck;
import org.msrpc4j.authz.AccessCheckResult;
import org.msrpc4j.authz.AccessMasks;
import org.msrpc4j.authz.PrivateObjectSecurity;
import org.msrpc4j.authz.Sddl;
import org.msrpc4j.authz.SecurityDescriptor;
import org.msrpc4j.authz.SecurityFormatException;
import org.msrpc4j.authz.SecurityInformation;
import org.msrpc4j.authz.SecurityOperationException;
import org.msrpc4j.authz.Token;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The secure object store's logic, independent of RPC: a tree of named objects (containers and
 * leaves), each with data and a self-relative security descriptor, persisted in SQLite under a data
 * directory. Every operation takes the caller's {@link Token}; a new object's descriptor is made by
 * {@link PrivateObjectSecurity#create} from its container's descriptor, the creator's descriptor
 * and the token; every operation is access-checked through {@link StoreRights#MAPPING}:
 *
 * <table>
 * <caption>rights needed</caption>
 * <tr><td>create</td><td>ADD_CHILD on the container</td></tr>
 * <tr><td>read / write</td><td>READ_DATA / WRITE_DATA on the object</td></tr>
 * <tr><td>delete</td><td>DELETE on the object, or DELETE_CHILD on its container</td></tr>
 * <tr><td>list</td><td>LIST_CHILDREN on the container</td></tr>
 * <tr><td>get security</td><td>READ_CONTROL (ACCESS_SYSTEM_SECURITY for the SACL)</td></tr>
 * <tr><td>set security</td><td>WRITE_DAC for the DACL, WRITE_OWNER for owner/group</td></tr>
 * </table>
 *
 * <p>Path traversal is not checked (as Windows with SeChangeNotifyPrivilege, which every user
 * holds): only the object operated on (and for create/delete its container) is. A denial is
 * status 5 and an INFO log line naming the principal, operation, path and rights (never data).
 *
 * <p>Thread-safe: operations are serialized (each is a check then one durable SQLite statement, so
 * a check and the change it guards cannot interleave with another caller's change).
 */
public final class ObjectStore implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ObjectStore.class);

  /** The largest object data accepted (the IDL's range). */
  public static final int MAX_DATA = 1 << 20;
  /** The largest security descriptor accepted. */
  public static final int MAX_DESCRIPTOR = 64 * 1024;
  /** The most children one listing returns (the IDL's range). */
  public static final int MAX_LIST = 65536;

  /**
   * The root's descriptor in a new store: SYSTEM and Administrators have full control of
   * everything; Authenticated Users may list the root and create objects in it; the creator of an
   * object gets full control of it and of what it holds (CREATOR OWNER, inherit-only). Anonymous
   * callers get nothing.
   */
  public static final String DEFAULT_ROOT_SDDL = "O:SYG:SYD:P(A;OICI;GA;;;SY)(A;OICI;GA;;;BA)(A;OICIIO;GA;;;CO)"
      + "(A;;0x2000c;;;AU)";

  private static final int SI_ALLOWED = SecurityInformation.OWNER | SecurityInformation.GROUP
      | SecurityInformation.DACL | SecurityInformation.SACL | SecurityInformation.LABEL
      | SecurityInformation.PROTECTED_DACL | SecurityInformation.UNPROTECTED_DACL
      | SecurityInformation.PROTECTED_SACL | SecurityInformation.UNPROTECTED_SACL;

  private final SqliteObjectRepository repository;
  private final AccessListener listener;

  private ObjectStore(SqliteObjectRepository repository, AccessListener listener) {
    this.repository = repository;
    this.listener = listener;
  }

  /**
   * Opens the store under {@code dataDirectory}, creating it with {@link #DEFAULT_ROOT_SDDL} when new.
   *
   * @throws StoreException INTERNAL_ERROR when the database cannot be opened
   */
  public static ObjectStore open(Path dataDirectory, AccessListener listener) throws StoreException {
    SecurityDescriptor root;
    try {
      root = Sddl.parse(DEFAULT_ROOT_SDDL);
    } catch (SecurityFormatException e) {
      throw new IllegalStateException("the default root SDDL does not parse", e);
    }
    return open(dataDirectory, root, listener);
  }

  /** Opens the store; {@code rootDescriptor} is used only when the store is new. */
  public static ObjectStore open(Path dataDirectory, SecurityDescriptor rootDescriptor, AccessListener listener)
      throws StoreException {
    Objects.requireNonNull(listener, "listener");
    return new ObjectStore(SqliteObjectRepository.open(dataDirectory, rootDescriptor.toBytes()), listener);
  }

  /**
   * Creates {@code name} in the container {@code parent}.
   *
   * @param creator the descriptor the creator asks for (owner, group, DACL, SACL — any may be
   *     absent), or null to inherit only
   * @param data the initial data (empty for none)
   * @return the new object's descriptor
   */
  public synchronized SecurityDescriptor create(Token token, String parent, String name, boolean container,
      SecurityDescriptor creator, byte[] data) throws StoreException {
    StorePath parentPath = StorePath.parse(parent);
    StorePath path = parentPath.child(name);
    checkData(data);
    ObjectRow p = resolve(parentPath);
    if (!p.container()) {
      throw new StoreException(StoreException.NOT_A_CONTAINER, parentPath + " is not a container");
    }
    SecurityDescriptor parentSd = descriptor(p);
    require(token, parentSd, StoreRights.ADD_CHILD, "create", path.toString());
    if (repository.child(p.id(), name).isPresent()) {
      throw new StoreException(StoreException.ALREADY_EXISTS, path + " already exists");
    }
    SecurityDescriptor sd;
    try {
      sd = PrivateObjectSecurity.create(parentSd, creator, container, token, StoreRights.MAPPING);
    } catch (SecurityOperationException e) {
      throw new StoreException(e.status(), "cannot create " + path + ": " + e.getMessage());
    }
    byte[] sdBytes = sd.toBytes();
    if (sdBytes.length > MAX_DESCRIPTOR) {
      throw new StoreException(StoreException.INVALID_PARAMETER, "the new descriptor is larger than " + MAX_DESCRIPTOR + " bytes");
    }
    repository.insert(p.id(), name, container, sdBytes, data);
    return sd;
  }

  /** The object's data. */
  public synchronized byte[] read(Token token, String path) throws StoreException {
    StorePath p = StorePath.parse(path);
    ObjectRow row = resolve(p);
    require(token, descriptor(row), StoreRights.READ_DATA, "read", p.toString());
    return repository.data(row.id());
  }

  /** Replaces the object's data; durable when this returns. */
  public synchronized void write(Token token, String path, byte[] data) throws StoreException {
    StorePath p = StorePath.parse(path);
    checkData(data);
    ObjectRow row = resolve(p);
    require(token, descriptor(row), StoreRights.WRITE_DATA, "write", p.toString());
    repository.updateData(row.id(), data);
  }

  /** Deletes an object (a container only when empty). */
  public synchronized void delete(Token token, String path) throws StoreException {
    StorePath p = StorePath.parse(path);
    if (p.isRoot()) {
      throw new StoreException(StoreException.INVALID_PARAMETER, "the root cannot be deleted");
    }
    ObjectRow row = resolve(p);
    AccessCheckResult own = AccessCheck.check(descriptor(row), token, StoreRights.DELETE, StoreRights.MAPPING);
    if (!own.isGranted()) {
      // As FILE_DELETE_CHILD: the container may allow deleting what it holds.
      ObjectRow parent = repository.byId(row.parentId())
          .orElseThrow(() -> new StoreException(StoreException.NOT_FOUND, p + " was deleted"));
      require(token, descriptor(parent), StoreRights.DELETE_CHILD, "delete", p.toString());
    } else {
      report(token, "delete", p.toString(), StoreRights.DELETE, own);
    }
    if (row.container() && repository.hasChildren(row.id())) {
      throw new StoreException(StoreException.NOT_EMPTY, p + " is not empty");
    }
    repository.delete(row.id());
  }

  /** The container's children, by name (at most {@link #MAX_LIST}). */
  public synchronized List<StoreEntryInfo> list(Token token, String path) throws StoreException {
    StorePath p = StorePath.parse(path);
    ObjectRow row = resolve(p);
    if (!row.container()) {
      throw new StoreException(StoreException.NOT_A_CONTAINER, p + " is not a container");
    }
    require(token, descriptor(row), StoreRights.LIST_CHILDREN, "list", p.toString());
    List<StoreEntryInfo> out = new ArrayList<>();
    for (ObjectRow c : repository.children(row.id(), MAX_LIST)) {
      out.add(new StoreEntryInfo(c.name(), c.container()));
    }
    return out;
  }

  /** GetPrivateObjectSecurity: the parts of the descriptor {@code securityInformation} names. */
  public synchronized SecurityDescriptor getSecurity(Token token, String path, int securityInformation)
      throws StoreException {
    StorePath p = StorePath.parse(path);
    checkSecurityInformation(securityInformation);
    ObjectRow row = resolve(p);
    SecurityDescriptor sd = descriptor(row);
    int needed = (securityInformation & SecurityInformation.SACL) != 0 ? AccessMasks.ACCESS_SYSTEM_SECURITY : 0;
    if ((securityInformation & ~SecurityInformation.SACL) != 0 || needed == 0) {
      needed |= StoreRights.READ_CONTROL;
    }
    require(token, sd, needed, "getacl", p.toString());
    try {
      return PrivateObjectSecurity.get(sd, securityInformation, token, StoreRights.MAPPING);
    } catch (SecurityOperationException e) {
      throw new StoreException(e.status(), "cannot read the descriptor of " + p + ": " + e.getMessage());
    }
  }

  /** SetPrivateObjectSecurity: replaces the parts {@code securityInformation} names; durable on return. */
  public synchronized SecurityDescriptor setSecurity(Token token, String path, int securityInformation,
      SecurityDescriptor modification) throws StoreException {
    StorePath p = StorePath.parse(path);
    checkSecurityInformation(securityInformation);
    Objects.requireNonNull(modification, "modification");
    ObjectRow row = resolve(p);
    SecurityDescriptor current = descriptor(row);
    int needed = 0;
    if ((securityInformation & (SecurityInformation.OWNER | SecurityInformation.GROUP | SecurityInformation.LABEL)) != 0) {
      needed |= StoreRights.WRITE_OWNER;
    }
    if ((securityInformation & (SecurityInformation.DACL | SecurityInformation.PROTECTED_DACL
        | SecurityInformation.UNPROTECTED_DACL)) != 0) {
      needed |= StoreRights.WRITE_DAC;
    }
    if ((securityInformation & (SecurityInformation.SACL | SecurityInformation.PROTECTED_SACL
        | SecurityInformation.UNPROTECTED_SACL)) != 0) {
      needed |= AccessMasks.ACCESS_SYSTEM_SECURITY;
    }
    require(token, current, needed, "setacl", p.toString());
    SecurityDescriptor updated;
    try {
      updated = PrivateObjectSecurity.set(securityInformation, modification, current, token, StoreRights.MAPPING);
    } catch (SecurityOperationException e) {
      throw new StoreException(e.status(), "cannot change the descriptor of " + p + ": " + e.getMessage());
    }
    byte[] bytes = updated.toBytes();
    if (bytes.length > MAX_DESCRIPTOR) {
      throw new StoreException(StoreException.INVALID_PARAMETER, "the descriptor is larger than " + MAX_DESCRIPTOR + " bytes");
    }
    repository.updateDescriptor(row.id(), bytes);
    return updated;
  }

  @Override
  public synchronized void close() {
    repository.close();
  }

  private ObjectRow resolve(StorePath path) throws StoreException {
    ObjectRow row = repository.root();
    List<String> names = path.names();
    for (int i = 0; i < names.size(); i++) {
      boolean last = i == names.size() - 1;
      if (!row.container()) {
        throw new StoreException(StoreException.PATH_NOT_FOUND, "no container at " + new StorePath(names.subList(0, i)));
      }
      final int depth = i;
      row = repository.child(row.id(), names.get(i)).orElseThrow(() -> new StoreException(
          last ? StoreException.NOT_FOUND : StoreException.PATH_NOT_FOUND,
          "no object " + new StorePath(names.subList(0, depth + 1))));
    }
    return row;
  }

  private static SecurityDescriptor descriptor(ObjectRow row) throws StoreException {
    try {
      return SecurityDescriptor.fromBytes(row.descriptor());
    } catch (SecurityFormatException e) {
      throw new StoreException(StoreException.INTERNAL_ERROR, "the stored descriptor of object " + row.id() + " is damaged", e);
    }
  }

  private void require(Token token, SecurityDescriptor sd, int desired, String operation, String path)
      throws StoreException {
    AccessCheckResult r = AccessCheck.check(sd, token, desired, StoreRights.MAPPING);
    report(token, operation, path, desired, r);
    if (!r.isGranted()) {
      throw new StoreException(r.status() == 0 ? StoreException.ACCESS_DENIED : r.status(),
          "access denied: " + operation + " " + path + " needs " + StoreRights.describe(desired));
    }
  }

  private void report(Token token, String operation, String path, int desired, AccessCheckResult r) {
    AccessDecision d = new AccessDecision(operation, path, principal(token), desired, r.grantedAccess(), r.isGranted());
    if (!r.isGranted()) {
      LOG.info("access denied: {} {} {} (wanted {}, status {})", d.principal(), operation, path,
          StoreRights.describe(desired), r.status());
    }
    listener.onDecision(d);
  }

  /** The name shown in logs: the token's account name, else its user SID. */
  static String principal(Token token) {
    return token.userName() != null ? token.userName() : token.user().toString();
  }

  private static void checkData(byte[] data) throws StoreException {
    if (data == null) {
      throw new StoreException(StoreException.INVALID_PARAMETER, "no data");
    }
    if (data.length > MAX_DATA) {
      throw new StoreException(StoreException.INVALID_PARAMETER, "data larger than " + MAX_DATA + " bytes");
    }
  }

  private static void checkSecurityInformation(int si) throws StoreException {
    if (si == 0 || (si & ~SI_ALLOWED) != 0) {
      throw new StoreException(StoreException.INVALID_PARAMETER, String.format("bad security information 0x%08x", si));
    }
  }
}
