package dev.forcelink.testkit.internal.org;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SalesforceIdsTest {

    @Test
    void checksumMatchesSalesforce() {
        assertThat(SalesforceIds.withChecksum("001A0000006Vm9r")).isEqualTo("001A0000006Vm9rIAC");
        assertThat(SalesforceIds.withChecksum("003000000000001")).isEqualTo("003000000000001AAA");
        assertThat(SalesforceIds.to18("001A0000006Vm9r")).isEqualTo("001A0000006Vm9rIAC");
    }

    @Test
    void validatesFifteenAndEighteenCharacterIds() {
        assertThat(SalesforceIds.isValid("001A0000006Vm9rIAC")).isTrue();
        assertThat(SalesforceIds.isValid("001A0000006Vm9r")).isTrue();
        assertThat(SalesforceIds.isValid("001A0000006Vm9rAAA")).isFalse();
        assertThat(SalesforceIds.isValid("001A0000006Vm9-")).isFalse();
        assertThat(SalesforceIds.isValid("001")).isFalse();
        assertThat(SalesforceIds.isValid(null)).isFalse();
    }

    @Test
    void generatedIdsAreValidUniqueAndOrderedByCreation() {
        SalesforceIds ids = new SalesforceIds("5g", 1);
        Set<String> seen = new HashSet<>();
        String previous = "";
        for (int i = 0; i < 1000; i++) {
            String id = ids.next("001");
            assertThat(id).hasSize(18).startsWith("0015g0");
            assertThat(SalesforceIds.isValid(id)).isTrue();
            assertThat(seen.add(id)).isTrue();
            assertThat(id.compareTo(previous)).isPositive();
            previous = id;
        }
        String org = SalesforceIds.random("00D");
        assertThat(org).startsWith("00D").hasSize(18);
        assertThat(SalesforceIds.isValid(org)).isTrue();
    }
}
