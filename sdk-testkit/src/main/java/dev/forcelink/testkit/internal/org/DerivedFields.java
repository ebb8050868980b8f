package dev.forcelink.testkit.internal.org;

import java.util.Map;

/**
 * Fields the org computes from others on every write: a person's {@code Name} from first and last name, and the
 * closed/won flags of opportunities and cases. Stateless.
 */
final class DerivedFields {

    private DerivedFields() {
    }

    static void apply(SObjectDef def, Map<String, Object> record) {
        switch (def.name()) {
            case "Contact": case "Lead": case "User":
                record.put("Name", personName(record.get("FirstName"), record.get("LastName")));
                break;
            case "Opportunity":
                Object stage = record.get("StageName");
                record.put("IsClosed", "Closed Won".equals(stage) || "Closed Lost".equals(stage));
                record.put("IsWon", "Closed Won".equals(stage));
                break;
            case "Case":
                record.put("IsClosed", "Closed".equals(record.get("Status")));
                break;
            default:
                break;
        }
    }

    private static String personName(Object first, Object last) {
        String name = (first == null ? "" : first + " ") + (last == null ? "" : last);
        return name.trim();
    }
}
