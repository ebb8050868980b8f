package dev.forcelink.rest.composite;

/**
 * The documented limits of the Composite resources, checked before anything is sent so that an
 * oversized request fails fast with a message that says which limit and by how much.
 */
final class Limits {
  static final int COMPOSITE_SUBREQUESTS = 25;
  static final int COMPOSITE_QUERY_OR_COLLECTIONS = 5;
  static final int BATCH_SUBREQUESTS = 25;
  static final int TREE_RECORDS = 200;
  static final int TREE_TYPES = 5;
  static final int TREE_DEPTH = 5;
  static final int GRAPHS = 75;
  static final int GRAPH_NODES = 500;
  static final int GRAPH_DEPTH = 15;
  static final int GRAPH_NODE_KINDS = 15;

  private Limits() {}

  /**
   * Fails when {@code actual} exceeds {@code max}.
   *
   * @param actual the count
   * @param max the limit
   * @param what the thing counted, such as "subrequests in a composite request"
   * @param advice what to do instead
   */
  static void check(int actual, int max, String what, String advice) {
    if (actual > max) {
      throw new IllegalArgumentException("Salesforce allows at most " + max + " " + what + "; this request has "
          + actual + " (" + (actual - max) + " over the limit). " + advice + " Nothing was sent.");
    }
  }
}
