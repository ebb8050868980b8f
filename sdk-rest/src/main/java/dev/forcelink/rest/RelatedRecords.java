package dev.forcelink.rest;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The records of a child relationship returned inside a parent record (a subquery such as
 * {@code (SELECT LastName FROM Contacts)}), as Salesforce nests them: the first batch of records,
 * the total size, and whether more remain behind {@link #nextRecordsUrl()}.
 *
 * <p><b>{@link #records()} may be only the first batch.</b> When a parent has more children than
 * Salesforce puts in one batch, {@link #done()} is false, {@link #totalSize()} counts them all and
 * the rest must be fetched. To read every child, iterate
 * {@link RestClient#children(RelatedRecords)} (or {@link RestClient#children(SObject, String)}),
 * which returns the records in hand first and then fetches the remaining batches lazily; the
 * asynchronous client has {@link RestAsyncClient#forEachChild}. Read the children of a parent
 * before the parent query moves on to its next page: that closes the child cursors of the page
 * before ({@link InvalidQueryLocatorException}).
 *
 * <p>Immutable and thread-safe.
 *
 * @param records the child records of this batch, in the server's order; possibly not all of them
 * @param totalSize how many child records exist in all
 * @param done whether {@link #records()} holds all of them
 * @param nextRecordsUrl where the next batch is, when {@code done} is false
 */
public record RelatedRecords(List<SObject> records, long totalSize, boolean done, String nextRecordsUrl) {

  /**
   * Copies the records.
   *
   * @throws NullPointerException if {@code records} is null
   */
  public RelatedRecords {
    records = List.copyOf(Objects.requireNonNull(records, "records"));
  }

  /**
   * Returns the link to the next batch.
   *
   * @return the next batch's URL, when more records remain
   */
  public Optional<String> next() {
    return Optional.ofNullable(nextRecordsUrl);
  }
}
