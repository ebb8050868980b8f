package dev.forcelink.core.idempotency;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link ProcessedMessageLedger} kept in a relational database, shared by every process that uses
 * the same table. Written in portable SQL, tested on H2 and meant for PostgreSQL and MySQL as well.
 *
 * <p>The table ({@value #DEFAULT_TABLE_NAME} unless told otherwise) has one row per recorded id:
 *
 * <pre>{@code
 * CREATE TABLE forcelink_processed_message (
 *   message_key CHAR(64) NOT NULL PRIMARY KEY,   -- SHA-256 of the id (UTF-16BE), lower-case hex
 *   message_id VARCHAR(255) NOT NULL,            -- the id itself, for people reading the table
 *   processed_at_epoch_ms BIGINT NOT NULL)
 * CREATE INDEX forcelink_processed_message_at_idx
 *   ON forcelink_processed_message (processed_at_epoch_ms)
 * }</pre>
 *
 * <p>The unique key holds a hash of the id rather than the id because some databases compare text
 * ignoring case or trailing spaces by default (MySQL), which would make distinct ids collide.
 * Duplicates are detected by that key alone (an insert failing with SQLState class 23), never by
 * reading first, so concurrent callers cannot both record an id.
 *
 * <p>{@link #processOnce(String, Runnable)} inserts the row, runs the action and commits, all in
 * one transaction on one connection; it rolls back if the action throws. A concurrent caller's
 * insert waits on the uncommitted key, then fails as a duplicate after the commit or succeeds after
 * the rollback, so the guarantee of {@link ProcessedMessageLedger} holds across processes. The
 * transaction, and a pooled connection, stay open while the action runs; a caller that waits longer
 * than the database's lock timeout gets a retryable {@link LedgerException} and the action does not
 * run.
 *
 * <p>Records never expire by themselves; call {@link #purgeOlderThan(Instant)} periodically.
 *
 * <p>Thread-safe if the {@link DataSource} is.
 */
public final class JdbcProcessedMessageLedger implements ProcessedMessageLedger {
  /** The table used unless {@link Builder#tableName(String)} names another. */
  public static final String DEFAULT_TABLE_NAME = "forcelink_processed_message";

  private static final Logger LOG = LoggerFactory.getLogger(JdbcProcessedMessageLedger.class);

  /** Unquoted identifiers only, optionally schema-qualified, short enough for an index name. */
  private static final Pattern TABLE_NAME =
      Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,49}(?:\\.[A-Za-z_][A-Za-z0-9_]{0,49})?");

  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private final DataSource dataSource;
  private final String table;
  private final Clock clock;
  private final String insertSql;
  private final String selectSql;
  private final String purgeSql;

  private JdbcProcessedMessageLedger(Builder builder) {
    this.dataSource = builder.dataSource;
    this.table = builder.tableName;
    this.clock = builder.clock;
    this.insertSql =
        "INSERT INTO "
            + table
            + " (message_key, message_id, processed_at_epoch_ms) VALUES (?, ?, ?)";
    this.selectSql = "SELECT 1 FROM " + table + " WHERE message_key = ?";
    this.purgeSql = "DELETE FROM " + table + " WHERE processed_at_epoch_ms < ?";
  }

  /**
   * Creates a ledger over the default table and the UTC system clock.
   *
   * @param dataSource where the table lives
   * @return the ledger; the table is not created, see {@link #createTableIfMissing()}
   * @throws NullPointerException if {@code dataSource} is null
   */
  public static JdbcProcessedMessageLedger create(DataSource dataSource) {
    return builder(dataSource).build();
  }

  /**
   * Starts building a ledger.
   *
   * @param dataSource where the table lives
   * @return a builder
   * @throws NullPointerException if {@code dataSource} is null
   */
  public static Builder builder(DataSource dataSource) {
    return new Builder(dataSource);
  }

  /**
   * Returns the table this ledger uses.
   *
   * @return the table name as configured
   */
  public String tableName() {
    return table;
  }

  /**
   * Creates the table and its index unless the table exists. Safe to call from several processes at
   * once: a caller that loses the race finds the table and returns false.
   *
   * @return true if this call created the table
   * @throws LedgerException if the table neither exists nor can be created
   */
  public boolean createTableIfMissing() {
    return withConnection(
        "create the table",
        connection -> {
          if (tableExists(connection)) {
            return false;
          }
          try (Statement statement = connection.createStatement()) {
            statement.executeUpdate(
                "CREATE TABLE "
                    + table
                    + " (message_key CHAR(64) NOT NULL PRIMARY KEY,"
                    + " message_id VARCHAR(255) NOT NULL,"
                    + " processed_at_epoch_ms BIGINT NOT NULL)");
            statement.executeUpdate(
                "CREATE INDEX "
                    + unqualified(table)
                    + "_at_idx ON "
                    + table
                    + " (processed_at_epoch_ms)");
          } catch (SQLException e) {
            if (tableExists(connection)) {
              return false;
            }
            throw e;
          }
          LOG.info("Created processed-message table {}", table);
          return true;
        });
  }

  /**
   * Deletes the records made before {@code cutoff}; those ids count as not processed afterwards.
   *
   * @param cutoff records strictly older than this instant are deleted
   * @return how many records were deleted
   * @throws NullPointerException if {@code cutoff} is null
   * @throws LedgerException if the database fails
   */
  public int purgeOlderThan(Instant cutoff) {
    Objects.requireNonNull(cutoff, "cutoff");
    long cutoffMillis = cutoff.toEpochMilli();
    return withConnection(
        "purge records older than " + cutoff,
        connection -> {
          try (PreparedStatement delete = connection.prepareStatement(purgeSql)) {
            delete.setLong(1, cutoffMillis);
            return delete.executeUpdate();
          }
        });
  }

  @Override
  public boolean isProcessed(String messageId) {
    String key = keyOf(MessageIds.requireValid(messageId));
    return withConnection(
        "look up message id '" + messageId + "'",
        connection -> {
          try (PreparedStatement select = connection.prepareStatement(selectSql)) {
            select.setString(1, key);
            try (ResultSet rows = select.executeQuery()) {
              return rows.next();
            }
          }
        });
  }

  @Override
  public boolean markProcessed(String messageId) {
    String key = keyOf(MessageIds.requireValid(messageId));
    return withConnection(
        "record message id '" + messageId + "'",
        connection -> insertMarker(connection, key, messageId));
  }

  @Override
  public boolean processOnce(String messageId, Runnable action) {
    String key = keyOf(MessageIds.requireValid(messageId));
    Objects.requireNonNull(action, "action");
    try (Connection connection = dataSource.getConnection()) {
      boolean wasAutoCommit = connection.getAutoCommit();
      connection.setAutoCommit(false);
      boolean actionRan = false;
      boolean ended = false;
      try {
        boolean inserted = insertMarker(connection, key, messageId);
        if (inserted) {
          action.run();
          actionRan = true;
          connection.commit();
        } else {
          connection.rollback();
        }
        ended = true;
        return inserted;
      } catch (SQLException e) {
        throw actionRan
            ? new LedgerException(
                describe(
                    "commit the record of message id '"
                        + messageId
                        + "' after its action completed; the action may run again when the message"
                        + " is redelivered",
                    e),
                e,
                false)
            : failure("record message id '" + messageId + "'", e);
      } finally {
        // Restoring auto-commit on an open transaction would commit it, so only after it ended.
        if (!ended) {
          ended = rollbackQuietly(connection);
        }
        if (ended && wasAutoCommit) {
          restoreAutoCommitQuietly(connection);
        }
      }
    } catch (SQLException e) {
      throw failure("process message id '" + messageId + "'", e);
    }
  }

  /**
   * Inserts the row, or returns false if the key is already there; inside a transaction the caller
   * must then roll back, since some databases (PostgreSQL) refuse further work after a failed
   * statement.
   */
  private boolean insertMarker(Connection connection, String key, String messageId)
      throws SQLException {
    try (PreparedStatement insert = connection.prepareStatement(insertSql)) {
      insert.setString(1, key);
      insert.setString(2, messageId);
      insert.setLong(3, clock.millis());
      insert.executeUpdate();
      return true;
    } catch (SQLException e) {
      if (hasStateClass(e, "23")) {
        return false;
      }
      throw e;
    }
  }

  private boolean tableExists(Connection connection) throws SQLException {
    try (Statement probe = connection.createStatement()) {
      probe.executeQuery("SELECT 1 FROM " + table + " WHERE 1 = 0").close();
      return true;
    } catch (SQLException e) {
      if (hasStateClass(e, "42")) {
        return false;
      }
      throw e;
    }
  }

  /** Runs single statements in auto-commit mode, restoring the connection's mode afterwards. */
  private <T> T withConnection(String operation, SqlWork<T> work) {
    try (Connection connection = dataSource.getConnection()) {
      boolean wasAutoCommit = connection.getAutoCommit();
      if (!wasAutoCommit) {
        connection.setAutoCommit(true);
      }
      try {
        return work.apply(connection);
      } finally {
        if (!wasAutoCommit) {
          connection.setAutoCommit(false);
        }
      }
    } catch (SQLException e) {
      throw failure(operation, e);
    }
  }

  /** Quiet so that it never hides the action's own exception; pools reset the mode anyway. */
  private static void restoreAutoCommitQuietly(Connection connection) {
    try {
      connection.setAutoCommit(true);
    } catch (SQLException e) {
      LOG.warn("Could not restore auto-commit on a ledger connection", e);
    }
  }

  private static boolean rollbackQuietly(Connection connection) {
    try {
      connection.rollback();
      return true;
    } catch (SQLException e) {
      LOG.warn("Rollback failed; the connection's state is unknown", e);
      return false;
    }
  }

  private LedgerException failure(String operation, SQLException e) {
    return new LedgerException(describe(operation, e), e, isTransient(e));
  }

  private String describe(String operation, SQLException e) {
    StringBuilder message =
        new StringBuilder("Processed-message ledger (table ")
            .append(table)
            .append(") could not ")
            .append(operation)
            .append(" (SQLState ")
            .append(e.getSQLState())
            .append(", vendor code ")
            .append(e.getErrorCode())
            .append("; the driver's exception is the cause)");
    if (hasStateClass(e, "42")) {
      message.append(". If the table does not exist, create it with createTableIfMissing()");
    }
    return message.toString();
  }

  /**
   * Lost or refused connections may pass once the database is back, whatever the driver calls them
   * (SQLState 08, or {@link SQLNonTransientConnectionException} as H2 reports a refused
   * connection); so may rollbacks such as deadlocks (40) and lock timeouts.
   */
  private static boolean isTransient(SQLException e) {
    String state = e.getSQLState();
    return e instanceof SQLTransientException
        || e instanceof SQLNonTransientConnectionException
        || hasStateClass(e, "08")
        || hasStateClass(e, "40")
        || "HYT00".equals(state)
        || "55P03".equals(state);
  }

  private static boolean hasStateClass(SQLException e, String stateClass) {
    String state = e.getSQLState();
    return state != null && state.startsWith(stateClass);
  }

  private static String unqualified(String tableName) {
    return tableName.substring(tableName.indexOf('.') + 1);
  }

  /** Hashes the UTF-16 code units, so that even ids with unpaired surrogates stay distinct. */
  private static String keyOf(String messageId) {
    MessageDigest sha256;
    try {
      sha256 = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every Java runtime provides SHA-256", e);
    }
    for (int i = 0; i < messageId.length(); i++) {
      char c = messageId.charAt(i);
      sha256.update((byte) (c >> 8));
      sha256.update((byte) c);
    }
    byte[] hash = sha256.digest();
    char[] hex = new char[hash.length * 2];
    for (int i = 0; i < hash.length; i++) {
      hex[2 * i] = HEX[(hash[i] >> 4) & 0xF];
      hex[2 * i + 1] = HEX[hash[i] & 0xF];
    }
    return new String(hex);
  }

  /** Work on a connection that may fail with the driver's exception. */
  @FunctionalInterface
  private interface SqlWork<T> {
    T apply(Connection connection) throws SQLException;
  }

  /**
   * Builds a {@link JdbcProcessedMessageLedger}. Defaults: table {@value
   * JdbcProcessedMessageLedger#DEFAULT_TABLE_NAME}, the UTC system clock.
   *
   * <p>Not thread-safe; use from one thread.
   */
  public static final class Builder {
    private final DataSource dataSource;
    private String tableName = DEFAULT_TABLE_NAME;
    private Clock clock = Clock.systemUTC();

    private Builder(DataSource dataSource) {
      this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    }

    /**
     * Sets the table, optionally schema-qualified. The name is put into SQL as is, so only plain
     * unquoted identifiers are accepted.
     *
     * @param tableName such as {@code processed_message} or {@code integration.processed_message}
     * @return this builder
     * @throws NullPointerException if {@code tableName} is null
     * @throws IllegalArgumentException if it is not one or two dot-separated identifiers of a
     *     letter or underscore followed by up to 49 letters, digits or underscores
     */
    public Builder tableName(String tableName) {
      Objects.requireNonNull(tableName, "tableName");
      if (!TABLE_NAME.matcher(tableName).matches()) {
        throw new IllegalArgumentException(
            "Not a usable table name: '"
                + tableName
                + "'. Use an unquoted identifier such as processed_message or"
                + " integration.processed_message: a letter or underscore, then up to 49 letters,"
                + " digits or underscores, optionally after a schema name and a dot");
      }
      this.tableName = tableName;
      return this;
    }

    /**
     * Sets the clock that dates records, for tests.
     *
     * @param clock the clock
     * @return this builder
     * @throws NullPointerException if {@code clock} is null
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Builds the ledger.
     *
     * @return the ledger; the table is not created, see {@link #createTableIfMissing()}
     */
    public JdbcProcessedMessageLedger build() {
      return new JdbcProcessedMessageLedger(this);
    }
  }
}
