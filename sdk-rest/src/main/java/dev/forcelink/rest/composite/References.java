package dev.forcelink.rest.composite;

import dev.forcelink.rest.RelatedRecords;
import dev.forcelink.rest.SObject;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Replaces {@link Reference} values by their {@code @{…}} text before a body is written, at any
 * depth (fields, parent records, children, maps and lists), so the record codec only ever sees
 * plain values.
 */
final class References {
  private References() {}

  static Object resolve(Object value) {
    if (value instanceof Reference) {
      return ((Reference) value).expression();
    }
    if (value instanceof SObject) {
      return resolve((SObject) value);
    }
    if (value instanceof RelatedRecords) {
      RelatedRecords r = (RelatedRecords) value;
      List<SObject> records = new ArrayList<>();
      r.records().forEach(child -> records.add(resolve(child)));
      return new RelatedRecords(records, r.totalSize(), r.done(), r.nextRecordsUrl());
    }
    if (value instanceof Map) {
      Map<Object, Object> map = new LinkedHashMap<>();
      ((Map<?, ?>) value).forEach((k, v) -> map.put(k, resolve(v)));
      return map;
    }
    if (value instanceof Collection) {
      List<Object> list = new ArrayList<>();
      ((Collection<?>) value).forEach(v -> list.add(resolve(v)));
      return list;
    }
    return value;
  }

  static SObject resolve(SObject record) {
    Map<String, Object> fields = new LinkedHashMap<>();
    record.fields().forEach((k, v) -> fields.put(k, resolve(v)));
    return SObject.of(record.type(), fields);
  }
}
