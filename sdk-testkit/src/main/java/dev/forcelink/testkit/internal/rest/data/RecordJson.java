package dev.forcelink.testkit.internal.rest.data;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.TokenBuffer;
import dev.forcelink.testkit.internal.http.Json;
import dev.forcelink.testkit.internal.org.FieldDef;
import dev.forcelink.testkit.internal.org.SObjectDef;
import dev.forcelink.testkit.internal.org.SalesforceFormats;
import dev.forcelink.testkit.internal.org.StoredRecord;
import dev.forcelink.testkit.internal.soql.SoqlResult;
import dev.forcelink.testkit.internal.soql.SoqlRow;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.Map;

/**
 * Renders records as Salesforce's JSON: every record opens with {@code "attributes": {"type", "url"}} (the url
 * under the request's API version), datetimes as {@code 2013-05-20T20:49:32.000+0000}, dates as
 * {@code yyyy-MM-dd}, times as {@code HH:mm:ss.SSSZ}, parent relationships as nested records and child
 * relationships as {@code {"totalSize","done","nextRecordsUrl","records"}} (or {@code null}; {@code nextRecordsUrl}
 * only when a child result has more rows than its first batch).
 *
 * <p>The {@code write…} methods stream to a generator (for large query pages); the {@code toNode…} methods build
 * a tree (for Composite bodies). Stateless and thread-safe.
 */
public final class RecordJson {

    private RecordJson() {
    }

    /**
     * @param apiVersion e.g. {@code 60.0}
     * @param objectName e.g. {@code Account}
     * @param id the record id
     * @return {@code /services/data/v60.0/sobjects/Account/001…}
     */
    public static String url(String apiVersion, String objectName, String id) {
        return "/services/data/v" + apiVersion + "/sobjects/" + objectName + "/" + id;
    }

    /**
     * Writes a stored record: every field of the object in describe order (unset fields as {@code null}), or only
     * the fields asked for.
     *
     * @param out the generator
     * @param def the record's object
     * @param record the record
     * @param fields the fields to write in this order (canonical or any case), or {@code null} for all
     * @param apiVersion the request's API version
     * @throws IOException if writing fails
     */
    public static void writeRecord(JsonGenerator out, SObjectDef def, StoredRecord record, Collection<String> fields,
                                   String apiVersion) throws IOException {
        out.writeStartObject();
        writeAttributes(out, def.name(), url(apiVersion, def.name(), record.id()));
        if (fields == null) {
            for (FieldDef field : def.fields()) {
                out.writeFieldName(field.name());
                writeValue(out, record.get(field.name()));
            }
        } else {
            for (String name : fields) {
                FieldDef field = def.field(name);
                String key = field == null ? name : field.name();
                out.writeFieldName(key);
                writeValue(out, record.get(key));
            }
        }
        out.writeEndObject();
    }

    /**
     * Builds the JSON tree of a stored record (see {@link #writeRecord}).
     *
     * @param def the record's object
     * @param record the record
     * @param fields the fields to include, or {@code null} for all
     * @param apiVersion the request's API version
     * @return a new JSON object
     */
    public static ObjectNode toNode(SObjectDef def, StoredRecord record, Collection<String> fields, String apiVersion) {
        return buffered(out -> writeRecord(out, def, record, fields, apiVersion));
    }

    /**
     * Writes a query row with its nested parent rows and child results.
     *
     * @param out the generator
     * @param row the row
     * @param apiVersion the request's API version
     * @throws IOException if writing fails
     */
    public static void writeRow(JsonGenerator out, SoqlRow row, String apiVersion) throws IOException {
        out.writeStartObject();
        if (row.isAggregate()) {
            out.writeFieldName("attributes");
            out.writeStartObject();
            out.writeStringField("type", row.objectType());
            out.writeEndObject();
        } else {
            writeAttributes(out, row.objectType(), row.id() == null ? null : url(apiVersion, row.objectType(), row.id()));
        }
        for (Map.Entry<String, Object> entry : row.fields().entrySet()) {
            out.writeFieldName(entry.getKey());
            Object value = entry.getValue();
            if (value instanceof SoqlRow parent) {
                writeRow(out, parent, apiVersion);
            } else if (value instanceof SoqlResult children) {
                writeChildResult(out, children, apiVersion);
            } else {
                writeValue(out, value);
            }
        }
        out.writeEndObject();
    }

    /**
     * Builds the JSON tree of a query row (see {@link #writeRow}).
     *
     * @param row the row
     * @param apiVersion the request's API version
     * @return a new JSON object
     */
    public static ObjectNode toNode(SoqlRow row, String apiVersion) {
        return buffered(out -> writeRow(out, row, apiVersion));
    }

    /**
     * Writes one field value in Salesforce's JSON form.
     *
     * @param out the generator
     * @param value a stored value or {@code null}
     * @throws IOException if writing fails
     */
    public static void writeValue(JsonGenerator out, Object value) throws IOException {
        if (value == null) {
            out.writeNull();
        } else if (value instanceof String text) {
            out.writeString(text);
        } else if (value instanceof Boolean flag) {
            out.writeBoolean(flag);
        } else if (value instanceof Integer number) {
            out.writeNumber(number);
        } else if (value instanceof Long number) {
            out.writeNumber(number);
        } else if (value instanceof BigDecimal number) {
            out.writeNumber(number);
        } else if (value instanceof Double number) {
            out.writeNumber(number);
        } else if (value instanceof Instant instant) {
            out.writeString(SalesforceFormats.dateTime(instant));
        } else if (value instanceof OffsetDateTime dateTime) {
            out.writeString(SalesforceFormats.dateTime(dateTime.toInstant()));
        } else if (value instanceof LocalDate date) {
            out.writeString(date.toString());
        } else if (value instanceof LocalTime time) {
            out.writeString(SalesforceFormats.time(time));
        } else {
            out.writeString(String.valueOf(value));
        }
    }

    private static void writeChildResult(JsonGenerator out, SoqlResult children, String apiVersion)
            throws IOException {
        out.writeStartObject();
        out.writeNumberField("totalSize", children.totalSize());
        out.writeBooleanField("done", children.done());
        if (!children.done()) {
            out.writeStringField("nextRecordsUrl", children.nextRecordsUrl());
        }
        out.writeArrayFieldStart("records");
        for (SoqlRow child : children.records()) {
            writeRow(out, child, apiVersion);
        }
        out.writeEndArray();
        out.writeEndObject();
    }

    private static void writeAttributes(JsonGenerator out, String type, String url) throws IOException {
        out.writeFieldName("attributes");
        out.writeStartObject();
        out.writeStringField("type", type);
        if (url != null) {
            out.writeStringField("url", url);
        }
        out.writeEndObject();
    }

    private static ObjectNode buffered(Writer writer) {
        try (TokenBuffer buffer = new TokenBuffer(Json.mapper(), false)) {
            writer.write(buffer);
            return (ObjectNode) Json.mapper().readTree(buffer.asParser());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @FunctionalInterface
    private interface Writer {
        void write(JsonGenerator out) throws IOException;
    }
}
