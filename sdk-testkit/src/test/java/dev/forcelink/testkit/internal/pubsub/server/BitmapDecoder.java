package dev.forcelink.testkit.internal.pubsub.server;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;

/**
 * Decodes CDC bitmap fields as Salesforce's reference decoder ({@code EventParser} in its Pub/Sub API examples)
 * does: element 0 ({@code 0x…}) maps bit i to the i-th field of the whole event schema; {@code "{pos}-0x…"} entries
 * map bits to the parts of the compound field at {@code pos}, named {@code Parent.Child}, or {@code Parent} when
 * every part is set.
 */
final class BitmapDecoder {

    private BitmapDecoder() {
    }

    static List<String> decode(Schema eventSchema, List<?> bitmap) {
        List<String> names = new ArrayList<>();
        for (Object element : bitmap) {
            String text = element.toString();
            int dash = text.indexOf('-');
            if (dash < 0) {
                BigInteger bits = hex(text);
                for (int i = 0; i < bits.bitLength(); i++) {
                    if (bits.testBit(i)) {
                        names.add(eventSchema.getFields().get(i).name());
                    }
                }
                continue;
            }
            Schema.Field parent = eventSchema.getFields().get(Integer.parseInt(text.substring(0, dash)));
            Schema child = parent.schema().getTypes().stream().filter(s -> s.getType() == Schema.Type.RECORD)
                    .findFirst().orElseThrow();
            BigInteger bits = hex(text.substring(dash + 1));
            if (bits.bitCount() == child.getFields().size()) {
                names.add(parent.name());
                continue;
            }
            for (int i = 0; i < bits.bitLength(); i++) {
                if (bits.testBit(i)) {
                    names.add(parent.name() + "." + child.getFields().get(i).name());
                }
            }
        }
        return names;
    }

    private static BigInteger hex(String text) {
        if (!text.startsWith("0x") || (text.length() - 2) % 2 != 0) {
            throw new IllegalArgumentException("Not a bitmap of whole bytes: " + text);
        }
        return new BigInteger(text.substring(2), 16);
    }
}
