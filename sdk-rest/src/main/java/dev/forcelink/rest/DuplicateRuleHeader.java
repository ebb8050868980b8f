package dev.forcelink.rest;

/**
 * The {@code Sforce-Duplicate-Rule-Header} request header: how duplicate rules treat a create or
 * update, written as {@code allowSave=true; includeRecordDetails=false; runAsCurrentUser=true}.
 *
 * @param allowSave save the record even when a duplicate rule would block it with an alert
 * @param includeRecordDetails return the fields of the duplicates found
 * @param runAsCurrentUser apply the sharing rules of the current user when looking for duplicates
 */
public record DuplicateRuleHeader(boolean allowSave, boolean includeRecordDetails, boolean runAsCurrentUser) {

  /**
   * Returns the header value.
   *
   * @return such as {@code allowSave=true; includeRecordDetails=false; runAsCurrentUser=true}
   */
  public String headerValue() {
    return "allowSave=" + allowSave + "; includeRecordDetails=" + includeRecordDetails
        + "; runAsCurrentUser=" + runAsCurrentUser;
  }
}
