package dev.forcelink.pubsub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReplayStoreTest {
  private static final ReplayId A = ReplayId.fromHex("00000000000000ff");
  private static final ReplayId B = ReplayId.fromHex("0102030405060708090a");

  private static void contract(ReplayStore store) {
    assertThat(store.load("/event/Order_Event__e")).isEmpty();
    store.save("/event/Order_Event__e", A);
    store.save("/data/AccountChangeEvent", B);
    assertThat(store.load("/event/Order_Event__e")).contains(A);
    store.save("/event/Order_Event__e", B);
    assertThat(store.load("/event/Order_Event__e")).contains(B);
    assertThat(store.load("/data/AccountChangeEvent")).contains(B);
  }

  @Test
  void inMemory() {
    contract(new InMemoryReplayStore());
  }

  @Test
  void fileStoreKeepsOneFilePerKeyAndLeavesNoTemporaryFiles(@TempDir Path dir) throws Exception {
    FileReplayStore store = FileReplayStore.create(dir.resolve("positions"));
    contract(store);

    try (Stream<Path> files = Files.list(store.directory())) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .hasSize(2).allSatisfy(name -> assertThat(name).endsWith(".replay"));
    }
    assertThat(Files.readString(store.fileFor("/event/Order_Event__e")).trim()).isEqualTo(B.toHex());
    // A new store on the same directory, as after a restart, sees the same positions.
    assertThat(FileReplayStore.create(store.directory()).load("/event/Order_Event__e")).contains(B);
  }

  @Test
  void fileStoreKeysThatSanitiseAlikeStayApart(@TempDir Path dir) {
    FileReplayStore store = FileReplayStore.create(dir);
    store.save("a/b", A);
    store.save("a_b", B);
    assertThat(store.load("a/b")).contains(A);
    assertThat(store.load("a_b")).contains(B);
  }

  @Test
  void fileStoreReportsAGarbledFile(@TempDir Path dir) throws Exception {
    FileReplayStore store = FileReplayStore.create(dir);
    Files.writeString(store.fileFor("k"), "not hex");
    assertThatThrownBy(() -> store.load("k")).isInstanceOf(ReplayStoreException.class)
        .hasMessageContaining("does not hold a replay id");
  }

  @Test
  void jdbcStoreOnH2() {
    JdbcDataSource ds = new JdbcDataSource();
    ds.setURL("jdbc:h2:mem:replay-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
    JdbcReplayStore store = JdbcReplayStore.create(ds);
    assertThat(store.createTableIfMissing()).isTrue();
    assertThat(store.createTableIfMissing()).isFalse();
    contract(store);
    assertThatThrownBy(() -> JdbcReplayStore.create(ds, "x; DROP TABLE y")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void replayIdIsOpaqueBytesShownAsHex() {
    byte[] bytes = {0, 1, (byte) 0xfe};
    ReplayId id = ReplayId.of(bytes);
    bytes[0] = 9;
    assertThat(id.toBytes()).containsExactly(0, 1, 0xfe);
    assertThat(id).hasToString("0001fe").isEqualTo(ReplayId.fromHex("0001FE"));
    assertThatThrownBy(() -> ReplayId.of(new byte[0])).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ReplayId.fromHex("xyz")).isInstanceOf(IllegalArgumentException.class);
  }
}
