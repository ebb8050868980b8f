package dev.forcelink.core.idempotency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JdbcProcessedMessageLedgerTest extends ProcessedMessageLedgerContract {
  private static final String PASSWORD = "honeypot-db-password";

  @Override
  ProcessedMessageLedger newLedger(MutableClock clock) {
    JdbcProcessedMessageLedger ledger =
        JdbcProcessedMessageLedger.builder(newDatabase()).clock(clock).build();
    ledger.createTableIfMissing();
    return ledger;
  }

  /** A fresh in-memory database per test; every getConnection() opens a new session. */
  private static JdbcDataSource newDatabase() {
    JdbcDataSource dataSource = new JdbcDataSource();
    // H2 waits only one second for a row lock by default; the race tests hold locks while sixteen
    // threads line up, so give them room on a busy machine.
    dataSource.setURL(
        "jdbc:h2:mem:ledger-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=20000");
    dataSource.setUser("sa");
    dataSource.setPassword(PASSWORD);
    return dataSource;
  }

  @Test
  void createsTheTableOnlyWhenItIsMissing() {
    JdbcProcessedMessageLedger ledger = JdbcProcessedMessageLedger.create(newDatabase());

    assertThat(ledger.tableName()).isEqualTo("forcelink_processed_message");
    assertThat(ledger.createTableIfMissing()).isTrue();
    assertThat(ledger.createTableIfMissing()).isFalse();
    assertThat(ledger.markProcessed("m-1")).isTrue();
  }

  @Test
  void ledgersSharingATableShareTheirRecords() {
    DataSource database = newDatabase();
    JdbcProcessedMessageLedger first = JdbcProcessedMessageLedger.create(database);
    JdbcProcessedMessageLedger second = JdbcProcessedMessageLedger.create(database);
    first.createTableIfMissing();

    assertThat(first.processOnce("m-1", () -> {})).isTrue();
    assertThat(
            second.processOnce(
                "m-1",
                () -> {
                  throw new AssertionError("must not run");
                }))
        .isFalse();
  }

  @Test
  void usesACustomOrSchemaQualifiedTable() throws SQLException {
    JdbcDataSource database = newDatabase();
    try (Connection connection = database.getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE SCHEMA integration");
    }
    JdbcProcessedMessageLedger plain =
        JdbcProcessedMessageLedger.builder(database).tableName("custom_ledger").build();
    JdbcProcessedMessageLedger qualified =
        JdbcProcessedMessageLedger.builder(database).tableName("integration.custom_ledger").build();

    assertThat(plain.createTableIfMissing()).isTrue();
    assertThat(qualified.createTableIfMissing()).isTrue();
    assertThat(plain.markProcessed("m-1")).isTrue();
    assertThat(qualified.isProcessed("m-1")).isFalse();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "ledger; DROP TABLE users",
        "ledger--",
        "\"ledger\"",
        "led ger",
        "1ledger",
        "a.b.c",
        ".ledger",
        "ledger.",
        "abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxy"
      })
  void rejectsTableNamesThatAreNotPlainIdentifiers(String tableName) {
    JdbcProcessedMessageLedger.Builder builder = JdbcProcessedMessageLedger.builder(newDatabase());

    assertThatThrownBy(() -> builder.tableName(tableName))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Not a usable table name")
        .hasMessageContaining("unquoted identifier");
  }

  @Test
  void acceptsTheLongestAllowedTableName() {
    String fifty = "abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwx";
    JdbcProcessedMessageLedger ledger =
        JdbcProcessedMessageLedger.builder(newDatabase()).tableName(fifty).build();

    assertThat(ledger.createTableIfMissing()).isTrue();
  }

  @Test
  void purgeDeletesOnlyRecordsOlderThanTheCutoff() {
    MutableClock clock = new MutableClock(START);
    JdbcProcessedMessageLedger ledger =
        JdbcProcessedMessageLedger.builder(newDatabase()).clock(clock).build();
    ledger.createTableIfMissing();
    ledger.markProcessed("old");
    clock.advance(Duration.ofHours(2));
    ledger.markProcessed("new");

    assertThat(ledger.purgeOlderThan(START.plus(Duration.ofHours(1)))).isEqualTo(1);
    assertThat(ledger.isProcessed("old")).isFalse();
    assertThat(ledger.isProcessed("new")).isTrue();
    assertThat(ledger.purgeOlderThan(START.plus(Duration.ofHours(2)))).isZero();
    assertThatThrownBy(() -> ledger.purgeOlderThan(null)).isInstanceOf(NullPointerException.class);
  }

  @Test
  void worksOnConnectionsThatDoNotAutoCommit() {
    JdbcDataSource database = newDatabase();
    database.setURL(database.getURL() + ";AUTOCOMMIT=FALSE");
    JdbcProcessedMessageLedger ledger = JdbcProcessedMessageLedger.create(database);
    ledger.createTableIfMissing();

    assertThat(ledger.markProcessed("m-1")).isTrue();
    assertThat(ledger.processOnce("m-2", () -> {})).isTrue();

    // New sessions see both records, so both were committed.
    assertThat(ledger.isProcessed("m-1")).isTrue();
    assertThat(
            ledger.processOnce(
                "m-2",
                () -> {
                  throw new AssertionError("must not run");
                }))
        .isFalse();
  }

  @Test
  void aMissingTableFailsNamingTheOperationAndTableButNoCredentials() {
    JdbcProcessedMessageLedger ledger = JdbcProcessedMessageLedger.create(newDatabase());

    assertThatThrownBy(() -> ledger.isProcessed("m-1"))
        .isInstanceOf(LedgerException.class)
        .hasMessageContaining("(table forcelink_processed_message)")
        .hasMessageContaining("could not look up message id 'm-1'")
        .hasMessageContaining("createTableIfMissing()")
        .hasCauseInstanceOf(SQLException.class)
        .satisfies(
            e -> {
              assertThat(((LedgerException) e).isRetryable()).isFalse();
              assertThat(e.getMessage()).doesNotContain(PASSWORD).doesNotContain("jdbc:");
            });
    assertThatThrownBy(() -> ledger.processOnce("m-1", () -> {}))
        .isInstanceOf(LedgerException.class)
        .hasMessageContaining("could not record message id 'm-1'");
  }

  @Test
  void anUnreachableDatabaseFailsRetryably() {
    JdbcDataSource unreachable = new JdbcDataSource();
    unreachable.setURL("jdbc:h2:tcp://127.0.0.1:1/nowhere;PASSWORD=" + PASSWORD);

    assertThatThrownBy(() -> JdbcProcessedMessageLedger.create(unreachable).markProcessed("m-1"))
        .isInstanceOf(LedgerException.class)
        .hasMessageContaining("could not record message id 'm-1'")
        .satisfies(
            e -> {
              assertThat(((LedgerException) e).isRetryable()).isTrue();
              assertThat(e.getMessage()).doesNotContain(PASSWORD);
            });
  }

  @Test
  void aRecordThatCannotBeCommittedAfterTheActionIsReportedAsSuch() {
    JdbcDataSource database = newDatabase();
    JdbcProcessedMessageLedger.create(database).createTableIfMissing();
    JdbcProcessedMessageLedger ledger = JdbcProcessedMessageLedger.create(failingCommits(database));
    AtomicInteger runs = new AtomicInteger();

    assertThatThrownBy(() -> ledger.processOnce("m-1", runs::incrementAndGet))
        .isInstanceOf(LedgerException.class)
        .hasMessageContaining("could not commit the record of message id 'm-1' after its action")
        .hasMessageContaining("may run again")
        .hasMessageContaining("SQLState 08006")
        .satisfies(e -> assertThat(((LedgerException) e).isRetryable()).isFalse());
    assertThat(runs).hasValue(1);
    assertThat(JdbcProcessedMessageLedger.create(database).isProcessed("m-1")).isFalse();
  }

  /** Wraps a data source so that every commit fails as if the connection dropped. */
  private static DataSource failingCommits(DataSource delegate) {
    InvocationHandler connections =
        (proxy, method, args) -> {
          if (method.getName().equals("getConnection")) {
            Connection real = (Connection) invoke(method, delegate, args);
            return Proxy.newProxyInstance(
                Connection.class.getClassLoader(),
                new Class<?>[] {Connection.class},
                (p, m, a) -> {
                  if (m.getName().equals("commit")) {
                    throw new SQLException("connection lost", "08006");
                  }
                  return invoke(m, real, a);
                });
          }
          return invoke(method, delegate, args);
        };
    return (DataSource)
        Proxy.newProxyInstance(
            DataSource.class.getClassLoader(), new Class<?>[] {DataSource.class}, connections);
  }

  private static Object invoke(Method method, Object target, Object[] args) throws Throwable {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  @Test
  void builderRejectsNulls() {
    assertThatThrownBy(() -> JdbcProcessedMessageLedger.builder(null))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> JdbcProcessedMessageLedger.builder(newDatabase()).tableName(null))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> JdbcProcessedMessageLedger.builder(newDatabase()).clock(null))
        .isInstanceOf(NullPointerException.class);
  }
}
