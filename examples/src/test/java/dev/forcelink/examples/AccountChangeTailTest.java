package dev.forcelink.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.forcelink.examples.pubsub.AccountChangeTail;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Runs the "Account change tail" example on the embedded emulator and checks what it prints. */
class AccountChangeTailTest {

  @Test
  void printsEachChangeWithItsTypeRecordAndDecodedFields() throws Exception {
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    try (ExampleOrg org = ExampleOrg.connect(Map.of());
        PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8)) {
      String id = AccountChangeTail.run(org, out);

      assertThat(printed.toString(StandardCharsets.UTF_8).lines()).containsExactly(
          "CREATE Account [" + id + "] set=[OwnerId, Name, Phone, Industry, CreatedDate, CreatedById,"
              + " LastModifiedDate, LastModifiedById]",
          "UPDATE Account [" + id + "] changed=[Phone, Website, LastModifiedDate] nulled=[]",
          "UPDATE Account [" + id + "] changed=[Name, LastModifiedDate] nulled=[Phone, Website]",
          "DELETE Account [" + id + "] changed=[] nulled=[]");
    }
  }
}
