package dev.forcelink.testkit.internal.soql;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** A small in-memory catalog for tests, built fluently. */
final class TestCatalog implements SoqlCatalog {
    private final Map<String, TestObject> objects = new LinkedHashMap<>();

    TestObject object(String name) {
        return object(name, true);
    }

    TestObject object(String name, boolean queryable) {
        TestObject object = new TestObject(name, queryable);
        objects.put(name.toLowerCase(Locale.ROOT), object);
        return object;
    }

    @Override
    public Optional<SoqlObjectSchema> findObject(String name) {
        return Optional.ofNullable(objects.get(name.toLowerCase(Locale.ROOT)));
    }

    /** One object's schema; the Id field is declared implicitly. */
    static final class TestObject implements SoqlObjectSchema {
        private final String name;
        private final boolean queryable;
        private final Map<String, SoqlField> fields = new LinkedHashMap<>();
        private final Map<String, SoqlField> relationships = new LinkedHashMap<>();
        private final Map<String, SoqlChildRelationship> children = new LinkedHashMap<>();

        TestObject(String name, boolean queryable) {
            this.name = name;
            this.queryable = queryable;
            field("Id", SoqlFieldType.ID);
        }

        TestObject field(String fieldName, SoqlFieldType type) {
            fields.put(fieldName.toLowerCase(Locale.ROOT), SoqlField.of(fieldName, type));
            return this;
        }

        TestObject reference(String fieldName, String relationshipName, String... targets) {
            SoqlField field = SoqlField.reference(fieldName, relationshipName, new ArrayList<>(List.of(targets)));
            fields.put(fieldName.toLowerCase(Locale.ROOT), field);
            relationships.put(relationshipName.toLowerCase(Locale.ROOT), field);
            return this;
        }

        TestObject child(String relationshipName, String childObject, String field) {
            children.put(relationshipName.toLowerCase(Locale.ROOT),
                    new SoqlChildRelationship(relationshipName, childObject, field));
            return this;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public boolean queryable() {
            return queryable;
        }

        @Override
        public Optional<SoqlField> findField(String fieldName) {
            return Optional.ofNullable(fields.get(fieldName.toLowerCase(Locale.ROOT)));
        }

        @Override
        public Optional<SoqlField> findParentRelationship(String relationshipName) {
            return Optional.ofNullable(relationships.get(relationshipName.toLowerCase(Locale.ROOT)));
        }

        @Override
        public Optional<SoqlChildRelationship> findChildRelationship(String relationshipName) {
            return Optional.ofNullable(children.get(relationshipName.toLowerCase(Locale.ROOT)));
        }
    }
}
