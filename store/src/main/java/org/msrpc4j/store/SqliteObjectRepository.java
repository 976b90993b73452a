package org.msrpc4j.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The store's objects in an embedded SQLite database ({@code store.db} under the data directory).
 * The database runs in WAL mode with {@code synchronous=FULL} and auto-commit, so every statement
 * that returned has been fsync'ed: an acknowledged write survives {@code kill -9} and power loss
 * (SQLite's own guarantee for WAL + FULL).
 *
 * <p>Thread-safe: one connection, every method synchronized on this object. SQL failures are
 * reported as {@link StoreException} {@link StoreException#INTERNAL_ERROR}.
 */
final class SqliteObjectRepository implements AutoCloseable {
  /** The root container's id. */
  static final long ROOT_ID = 1;

  private final Connection connection;

  private SqliteObjectRepository(Connection connection) {
    this.connection = connection;
  }

  /**
   * Opens (creating when needed) the database under {@code dataDirectory}; a new database gets a
   * root container with {@code rootDescriptor}.
   */
  static SqliteObjectRepository open(Path dataDirectory, byte[] rootDescriptor) throws StoreException {
    try {
      Files.createDirectories(dataDirectory);
    } catch (IOException e) {
      throw new StoreException(StoreException.INTERNAL_ERROR, "cannot create the data directory " + dataDirectory + ": " + e.getMessage(), e);
    }
    Path db = dataDirectory.resolve("store.db").toAbsolutePath();
    Connection c = null;
    try {
      c = DriverManager.getConnection("jdbc:sqlite:" + db);
      try (Statement s = c.createStatement()) {
        s.execute("PRAGMA journal_mode=WAL");
        s.execute("PRAGMA synchronous=FULL");
        s.execute("PRAGMA foreign_keys=ON");
        s.execute("PRAGMA busy_timeout=5000");
        s.execute("CREATE TABLE IF NOT EXISTS objects ("
            + "id INTEGER PRIMARY KEY, "
            + "parent INTEGER REFERENCES objects(id), "
            + "name TEXT NOT NULL, "
            + "container INTEGER NOT NULL, "
            + "descriptor BLOB NOT NULL, "
            + "data BLOB NOT NULL, "
            + "UNIQUE (parent, name))");
      }
      try (PreparedStatement p = c.prepareStatement(
          "INSERT OR IGNORE INTO objects (id, parent, name, container, descriptor, data) VALUES (?, NULL, '', 1, ?, x'')")) {
        p.setLong(1, ROOT_ID);
        p.setBytes(2, rootDescriptor);
        p.executeUpdate();
      }
      return new SqliteObjectRepository(c);
    } catch (SQLException e) {
      if (c != null) {
        try {
          c.close();
        } catch (SQLException ignored) {
          // already failing
        }
      }
      throw new StoreException(StoreException.INTERNAL_ERROR, "cannot open the store database " + db + ": " + e.getMessage(), e);
    }
  }

  synchronized ObjectRow root() throws StoreException {
    return byId(ROOT_ID).orElseThrow(() -> new StoreException(StoreException.INTERNAL_ERROR, "the root object is missing"));
  }

  synchronized Optional<ObjectRow> byId(long id) throws StoreException {
    try (PreparedStatement p = connection.prepareStatement(
        "SELECT id, parent, name, container, descriptor FROM objects WHERE id = ?")) {
      p.setLong(1, id);
      try (ResultSet r = p.executeQuery()) {
        return r.next() ? Optional.of(row(r)) : Optional.empty();
      }
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  synchronized Optional<ObjectRow> child(long parentId, String name) throws StoreException {
    try (PreparedStatement p = connection.prepareStatement(
        "SELECT id, parent, name, container, descriptor FROM objects WHERE parent = ? AND name = ?")) {
      p.setLong(1, parentId);
      p.setString(2, name);
      try (ResultSet r = p.executeQuery()) {
        return r.next() ? Optional.of(row(r)) : Optional.empty();
      }
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  /** At most {@code limit} children, by name. */
  synchronized List<ObjectRow> children(long parentId, int limit) throws StoreException {
    try (PreparedStatement p = connection.prepareStatement(
        "SELECT id, parent, name, container, descriptor FROM objects WHERE parent = ? ORDER BY name LIMIT ?")) {
      p.setLong(1, parentId);
      p.setInt(2, limit);
      List<ObjectRow> out = new ArrayList<>();
      try (ResultSet r = p.executeQuery()) {
        while (r.next()) {
          out.add(row(r));
        }
      }
      return out;
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  synchronized boolean hasChildren(long id) throws StoreException {
    try (PreparedStatement p = connection.prepareStatement("SELECT 1 FROM objects WHERE parent = ? LIMIT 1")) {
      p.setLong(1, id);
      try (ResultSet r = p.executeQuery()) {
        return r.next();
      }
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  synchronized byte[] data(long id) throws StoreException {
    try (PreparedStatement p = connection.prepareStatement("SELECT data FROM objects WHERE id = ?")) {
      p.setLong(1, id);
      try (ResultSet r = p.executeQuery()) {
        if (!r.next()) {
          throw new StoreException(StoreException.NOT_FOUND, "the object was deleted");
        }
        byte[] d = r.getBytes(1);
        return d == null ? new byte[0] : d;
      }
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  /** Inserts a new object; the caller has checked that the name is free. */
  synchronized long insert(long parentId, String name, boolean container, byte[] descriptor, byte[] data)
      throws StoreException {
    try (PreparedStatement p = connection.prepareStatement(
        "INSERT INTO objects (parent, name, container, descriptor, data) VALUES (?, ?, ?, ?, ?)",
        Statement.RETURN_GENERATED_KEYS)) {
      p.setLong(1, parentId);
      p.setString(2, name);
      p.setInt(3, container ? 1 : 0);
      p.setBytes(4, descriptor);
      p.setBytes(5, data);
      p.executeUpdate();
      try (ResultSet k = p.getGeneratedKeys()) {
        if (!k.next()) {
          throw new StoreException(StoreException.INTERNAL_ERROR, "no id for the new object");
        }
        return k.getLong(1);
      }
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  synchronized void updateData(long id, byte[] data) throws StoreException {
    update("UPDATE objects SET data = ? WHERE id = ?", data, id);
  }

  synchronized void updateDescriptor(long id, byte[] descriptor) throws StoreException {
    update("UPDATE objects SET descriptor = ? WHERE id = ?", descriptor, id);
  }

  synchronized void delete(long id) throws StoreException {
    try (PreparedStatement p = connection.prepareStatement("DELETE FROM objects WHERE id = ?")) {
      p.setLong(1, id);
      p.executeUpdate();
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public synchronized void close() {
    try {
      connection.close();
    } catch (SQLException e) {
      // nothing to recover: the WAL is replayed at the next open
    }
  }

  private void update(String sql, byte[] value, long id) throws StoreException {
    try (PreparedStatement p = connection.prepareStatement(sql)) {
      p.setBytes(1, value);
      p.setLong(2, id);
      if (p.executeUpdate() != 1) {
        throw new StoreException(StoreException.NOT_FOUND, "the object was deleted");
      }
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  private static ObjectRow row(ResultSet r) throws SQLException {
    return new ObjectRow(r.getLong(1), r.getLong(2), r.getString(3), r.getInt(4) != 0, r.getBytes(5));
  }

  private static StoreException failed(SQLException e) {
    return new StoreException(StoreException.INTERNAL_ERROR, "store database error: " + e.getMessage(), e);
  }
}
