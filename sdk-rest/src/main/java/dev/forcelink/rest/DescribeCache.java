package dev.forcelink.rest;

import dev.forcelink.rest.describe.SObjectDescribe;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Bounded LRU cache of sObject describes for one client (and so one connection), keyed by API
 * version and type, each with the {@code Last-Modified} value used to revalidate it. Thread-safe.
 */
final class DescribeCache {
  /** A cached describe and the validator to send as {@code If-Modified-Since}. */
  record Entry(SObjectDescribe describe, String lastModified) {}

  private final int capacity;
  private final Map<String, Entry> entries;

  DescribeCache(int capacity) {
    this.capacity = capacity;
    this.entries = new LinkedHashMap<>(16, 0.75f, true) {
      private static final long serialVersionUID = 1L;

      @Override
      protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
        return size() > DescribeCache.this.capacity;
      }
    };
  }

  static String key(String version, String type) {
    return version + "/" + type.toLowerCase(Locale.ROOT);
  }

  synchronized Entry get(String key) {
    return capacity == 0 ? null : entries.get(key);
  }

  synchronized void put(String key, Entry entry) {
    if (capacity > 0) {
      entries.put(key, entry);
    }
  }

  synchronized void clear() {
    entries.clear();
  }

  synchronized int size() {
    return entries.size();
  }
}
