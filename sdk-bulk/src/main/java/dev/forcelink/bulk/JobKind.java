package dev.forcelink.bulk;

/** Ingest or query: the path segment under {@code /jobs/}. */
enum JobKind {
  INGEST("ingest"),
  QUERY("query");

  final String segment;

  JobKind(String segment) {
    this.segment = segment;
  }
}
