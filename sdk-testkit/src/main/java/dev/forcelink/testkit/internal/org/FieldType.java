package dev.forcelink.testkit.internal.org;

import java.util.Locale;

/**
 * The field types of a describe result, by their wire name. Immutable and thread-safe.
 */
public enum FieldType {
    ID("id", "tns:ID"),
    BOOLEAN("boolean", "xsd:boolean"),
    STRING("string", "xsd:string"),
    PICKLIST("picklist", "xsd:string"),
    MULTIPICKLIST("multipicklist", "xsd:string"),
    COMBOBOX("combobox", "xsd:string"),
    REFERENCE("reference", "tns:ID"),
    CURRENCY("currency", "xsd:double"),
    TEXTAREA("textarea", "xsd:string"),
    INT("int", "xsd:int"),
    LONG("long", "xsd:long"),
    DOUBLE("double", "xsd:double"),
    PERCENT("percent", "xsd:double"),
    PHONE("phone", "xsd:string"),
    DATE("date", "xsd:date"),
    DATETIME("datetime", "xsd:dateTime"),
    TIME("time", "xsd:time"),
    URL("url", "xsd:string"),
    EMAIL("email", "xsd:string"),
    ENCRYPTEDSTRING("encryptedstring", "xsd:string"),
    BASE64("base64", "xsd:base64Binary"),
    ADDRESS("address", "urn:address"),
    LOCATION("location", "urn:location"),
    ANYTYPE("anyType", "xsd:anyType"),
    COMPLEXVALUE("complexvalue", "urn:JsonNode"),
    JSON("json", "xsd:string"),
    DATACATEGORYGROUPREFERENCE("datacategorygroupreference", "xsd:string");

    private final String wireName;
    private final String soapType;

    FieldType(String wireName, String soapType) {
        this.wireName = wireName;
        this.soapType = soapType;
    }

    /** @return the name used in describe results, e.g. {@code currency} */
    public String wireName() {
        return wireName;
    }

    /** @return the {@code soapType} of a describe result, e.g. {@code xsd:double} */
    public String soapType() {
        return soapType;
    }

    /** @return whether values of this type are text */
    public boolean isText() {
        switch (this) {
            case STRING: case PICKLIST: case MULTIPICKLIST: case COMBOBOX: case TEXTAREA: case PHONE: case URL:
            case EMAIL: case ENCRYPTEDSTRING: case JSON:
                return true;
            default:
                return false;
        }
    }

    /**
     * Finds a type by its wire name, ignoring case ({@code text} is accepted for {@code string} and {@code number}
     * for {@code double}, as schema files written by people use those words).
     *
     * @param name a wire name such as {@code currency}
     * @return the type
     * @throws IllegalArgumentException naming the accepted types if the name is unknown
     */
    public static FieldType fromWireName(String name) {
        String wanted = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
        if (wanted.equals("text")) {
            return STRING;
        }
        if (wanted.equals("number")) {
            return DOUBLE;
        }
        if (wanted.equals("checkbox")) {
            return BOOLEAN;
        }
        for (FieldType type : values()) {
            if (type.wireName.toLowerCase(Locale.ROOT).equals(wanted)) {
                return type;
            }
        }
        StringBuilder known = new StringBuilder();
        for (FieldType type : values()) {
            known.append(known.length() == 0 ? "" : ", ").append(type.wireName);
        }
        throw new IllegalArgumentException("Unknown field type '" + name + "'; use one of: " + known);
    }
}
