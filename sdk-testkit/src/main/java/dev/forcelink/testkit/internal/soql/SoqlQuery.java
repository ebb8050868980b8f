package dev.forcelink.testkit.internal.soql;

/**
 * A syntactically valid query, not yet checked against a catalog. Immutable and thread-safe; one
 * instance may be prepared against several catalogs.
 */
public final class SoqlQuery {
    private final QueryText source;
    private final SoqlAst.Select select;

    SoqlQuery(QueryText source, SoqlAst.Select select) {
        this.source = source;
        this.select = select;
    }

    /**
     * The query text as given to the parser.
     *
     * @return the text
     */
    public String text() {
        return source.text();
    }

    /**
     * The object named in the top-level FROM, as written (not yet canonical).
     *
     * @return the object name
     */
    public String fromObject() {
        return select.from();
    }

    QueryText source() {
        return source;
    }

    SoqlAst.Select select() {
        return select;
    }

    @Override
    public String toString() {
        return "SoqlQuery[" + source.text() + "]";
    }
}
