package dev.forcelink.pubsub;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link ReplayStore} in a relational database table, so that positions survive restarts and can
 * be shared by the processes of a cluster (one of which subscribes at a time). Uses only portable
 * SQL:
 *
 * <pre>{@code
 * CREATE TABLE forcelink_replay_position (
 *   subscription_key VARCHAR(255) NOT NULL PRIMARY KEY,
 *   replay_id VARCHAR(512) NOT NULL,
 *   saved_at_epoch_ms BIGINT NOT NULL)
 * }</pre>
 *
 * <p>Each save is an {@code UPDATE}, followed by an {@code INSERT} when no row existed. Thread-safe:
 * each call borrows its own connection from the {@link DataSource}.
 */
public final class JdbcReplayStore implements ReplayStore {
  /** The table used unless {@link #create(DataSource, String)} names another. */
  public static final String DEFAULT_TABLE_NAME = "forcelink_replay_position";

  private static final Logger LOG = LoggerFactory.getLogger(JdbcReplayStore.class);
  private static final Pattern TABLE_NAME =
      Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,49}(?:\\.[A-Za-z_][A-Za-z0-9_]{0,49})?");
  private static final int MAX_KEY_LENGTH = 255;

  private final DataSource dataSource;
  private final String table;
  private final Clock clock;

  private JdbcReplayStore(DataSource dataSource, String table, Clock clock) {
    this.dataSource = dataSource;
    this.table = table;
    this.clock = clock;
  }

  /**
   * Creates a store on the {@link #DEFAULT_TABLE_NAME default table}.
   *
   * @param dataSource where the table lives
   * @return the store
   * @throws NullPointerException if {@code dataSource} is null
   */
  public static JdbcReplayStore create(DataSource dataSource) {
    return create(dataSource, DEFAULT_TABLE_NAME);
  }

  /**
   * Creates a store on the named table.
   *
   * @param dataSource where the table lives
   * @param tableName such as {@code replay_position} or {@code integration.replay_position}
   * @return the store
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if the table name is not a plain SQL identifier, optionally
   *     schema-qualified
   */
  public static JdbcReplayStore create(DataSource dataSource, String tableName) {
    Objects.requireNonNull(dataSource, "dataSource");
    Objects.requireNonNull(tableName, "tableName");
    if (!TABLE_NAME.matcher(tableName).matches()) {
      throw new IllegalArgumentException("The table name must be a plain SQL identifier, optionally "
          + "schema-qualified (letters, digits, underscores), got '" + tableName + "'");
    }
    return new JdbcReplayStore(dataSource, tableName, Clock.systemUTC());
  }

  /**
   * Returns the table name.
   *
   * @return the table
   */
  public String tableName() {
    return table;
  }

  /**
   * Creates the table unless it exists. Safe to call from several processes at once.
   *
   * @return true if this call created the table
   * @throws ReplayStoreException if the table neither exists nor can be created
   */
  public boolean createTableIfMissing() {
    try (Connection connection = dataSource.getConnection()) {
      if (tableExists(connection)) {
        return false;
      }
      try (Statement statement = connection.createStatement()) {
        statement.executeUpdate("CREATE TABLE " + table
            + " (subscription_key VARCHAR(255) NOT NULL PRIMARY KEY,"
            + " replay_id VARCHAR(512) NOT NULL,"
            + " saved_at_epoch_ms BIGINT NOT NULL)");
      } catch (SQLException e) {
        if (tableExists(connection)) {
          return false;
        }
        throw e;
      }
      LOG.info("Created replay position table {}", table);
      return true;
    } catch (SQLException e) {
      throw new ReplayStoreException("Cannot create the replay position table " + table + ": " + e.getMessage(), e);
    }
  }

  /**
   * {@inheritDoc}
   *
   * @throws NullPointerException if the key is null
   * @throws IllegalArgumentException if the key is longer than 255 characters
   * @throws ReplayStoreException if the database fails or the row does not hold a replay id
   */
  @Override
  public Optional<ReplayId> load(String subscriptionKey) {
    checkKey(subscriptionKey);
    try (Connection connection = dataSource.getConnection();
         PreparedStatement select = connection.prepareStatement(
             "SELECT replay_id FROM " + table + " WHERE subscription_key = ?")) {
      select.setString(1, subscriptionKey);
      try (ResultSet rows = select.executeQuery()) {
        if (!rows.next()) {
          return Optional.empty();
        }
        String hex = rows.getString(1);
        try {
          return Optional.of(ReplayId.fromHex(hex));
        } catch (IllegalArgumentException e) {
          throw new ReplayStoreException("The row of '" + subscriptionKey + "' in " + table
              + " does not hold a replay id in hex; delete it to start from the initial position", e);
        }
      }
    } catch (SQLException e) {
      throw new ReplayStoreException("Cannot read the replay position of '" + subscriptionKey + "' from " + table
          + ": " + e.getMessage(), e);
    }
  }

  /**
   * {@inheritDoc}
   *
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if the key is longer than 255 characters
   * @throws ReplayStoreException if the database fails
   */
  @Override
  public void save(String subscriptionKey, ReplayId replayId) {
    checkKey(subscriptionKey);
    Objects.requireNonNull(replayId, "replayId");
    long now = clock.millis();
    try (Connection connection = dataSource.getConnection()) {
      if (update(connection, subscriptionKey, replayId, now) > 0) {
        return;
      }
      try (PreparedStatement insert = connection.prepareStatement(
          "INSERT INTO " + table + " (subscription_key, replay_id, saved_at_epoch_ms) VALUES (?, ?, ?)")) {
        insert.setString(1, subscriptionKey);
        insert.setString(2, replayId.toHex());
        insert.setLong(3, now);
        insert.executeUpdate();
      } catch (SQLException duplicate) {
        // Another saver inserted the row between our UPDATE and INSERT; ours is the newer value.
        if (update(connection, subscriptionKey, replayId, now) == 0) {
          throw duplicate;
        }
      }
    } catch (SQLException e) {
      throw new ReplayStoreException("Cannot save the replay position of '" + subscriptionKey + "' to " + table
          + ": " + e.getMessage(), e);
    }
  }

  private int update(Connection connection, String key, ReplayId replayId, long now) throws SQLException {
    try (PreparedStatement update = connection.prepareStatement(
        "UPDATE " + table + " SET replay_id = ?, saved_at_epoch_ms = ? WHERE subscription_key = ?")) {
      update.setString(1, replayId.toHex());
      update.setLong(2, now);
      update.setString(3, key);
      return update.executeUpdate();
    }
  }

  private boolean tableExists(Connection connection) throws SQLException {
    DatabaseMetaData meta = connection.getMetaData();
    String schema = table.contains(".") ? table.substring(0, table.indexOf('.')) : null;
    String name = table.substring(table.indexOf('.') + 1);
    for (String candidate : new String[] {name, name.toUpperCase(Locale.ROOT), name.toLowerCase(Locale.ROOT)}) {
      try (ResultSet tables = meta.getTables(null, schema, candidate, null)) {
        if (tables.next()) {
          return true;
        }
      }
    }
    return false;
  }

  private static void checkKey(String key) {
    Objects.requireNonNull(key, "subscriptionKey");
    if (key.length() > MAX_KEY_LENGTH) {
      throw new IllegalArgumentException("A subscription key has at most " + MAX_KEY_LENGTH
          + " characters, got " + key.length());
    }
  }

  @Override
  public String toString() {
    return "JdbcReplayStore{table=" + table + "}";
  }
}
