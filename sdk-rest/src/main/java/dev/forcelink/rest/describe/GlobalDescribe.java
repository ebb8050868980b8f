package dev.forcelink.rest.describe;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The global describe ({@code GET /sobjects}): every sObject the user can see, with its key flags.
 *
 * <p>Immutable and thread-safe.
 */
public final class GlobalDescribe {
  private final Map<String, Object> raw;
  private final List<SObjectInfo> sobjects;

  private GlobalDescribe(Map<String, Object> raw) {
    this.raw = raw;
    this.sobjects = Raw.list(raw, "sobjects", SObjectInfo::of);
  }

  /**
   * Creates the describe from its JSON members.
   *
   * @param raw the JSON object as a map
   * @return the describe
   */
  public static GlobalDescribe of(Map<String, Object> raw) {
    return new GlobalDescribe(Raw.freeze(Objects.requireNonNull(raw, "raw")));
  }

  /** @return the character encoding, such as {@code UTF-8} */
  public String encoding() {
    return Raw.str(raw, "encoding");
  }

  /** @return the largest number of records in one SOAP-style batch call */
  public int maxBatchSize() {
    return Raw.integer(raw, "maxBatchSize");
  }

  /** @return the sObjects, in the server's order */
  public List<SObjectInfo> sobjects() {
    return sobjects;
  }

  /**
   * Finds an sObject by API name, ignoring case.
   *
   * @param name such as {@code Account}
   * @return the summary, if listed
   */
  public Optional<SObjectInfo> sobject(String name) {
    return sobjects.stream().filter(s -> name.equalsIgnoreCase(s.name())).findFirst();
  }

  /** @return every member as Salesforce returned it; unmodifiable */
  public Map<String, Object> raw() {
    return raw;
  }

  @Override
  public String toString() {
    return "GlobalDescribe{" + sobjects.size() + " sobjects}";
  }
}
