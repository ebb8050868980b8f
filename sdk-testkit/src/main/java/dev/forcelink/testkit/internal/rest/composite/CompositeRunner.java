package dev.forcelink.testkit.internal.rest.composite;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.forcelink.testkit.internal.http.Json;
import dev.forcelink.testkit.internal.org.RecordStore;
import dev.forcelink.testkit.internal.org.WriteContext;
import dev.forcelink.testkit.internal.rest.data.ApiVersionNumbers;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs a list of subrequests in order with references between them, as {@code /composite} and each graph of
 * {@code /composite/graph} do.
 *
 * <p>{@code allOrNone=true}: one store transaction for the whole list; at the first failure the rest do not run,
 * everything is undone (nothing reaches the change log) and every subrequest but the failed one reports
 * {@code 400 PROCESSING_HALTED}. {@code allOrNone=false}: each subrequest commits on its own; a subrequest whose
 * reference has no value (its source failed) reports {@code 400 PROCESSING_HALTED} and the others go on.
 *
 * <p>Thread-safe: stateless apart from its collaborators.
 */
final class CompositeRunner {

    static final String ROLLED_BACK = "The transaction was rolled back since another operation in the same "
            + "transaction failed.";

    private final RecordStore store;
    private final SubrequestExecutor executor;

    CompositeRunner(RecordStore store, SubrequestExecutor executor) {
        this.store = store;
        this.executor = executor;
    }

    /**
     * The responses of a run, in subrequest order.
     *
     * @param responses one per subrequest
     * @param anyFailed whether a subrequest failed
     */
    record Run(List<SubResponse> responses, boolean anyFailed) {
    }

    /**
     * @param context the writing user and API
     * @param requestVersion the API version of the enclosing call (reference rules differ before v52.0)
     * @param subrequests the validated subrequests
     * @param allOrNone whether one failure undoes everything
     * @return the responses
     */
    Run run(WriteContext context, String requestVersion, List<Subrequest> subrequests, boolean allOrNone) {
        boolean nullsResolve = ApiVersionNumbers.atLeast(requestVersion, 52);
        if (!allOrNone) {
            References references = new References(nullsResolve);
            List<SubResponse> responses = new ArrayList<>(subrequests.size());
            boolean anyFailed = false;
            for (Subrequest sub : subrequests) {
                SubResponse response = runOne(context, references, sub);
                references.add(sub.referenceId(), response);
                responses.add(response);
                anyFailed |= response.failed();
            }
            return new Run(responses, anyFailed);
        }
        Run run = Transactions.commitUnless(store, context, tx -> runAllOrNone(tx, context, subrequests,
                new References(nullsResolve)), Run::anyFailed);
        if (!run.anyFailed()) {
            return run;
        }
        List<SubResponse> halted = new ArrayList<>(subrequests.size());
        boolean reported = false;
        for (SubResponse response : run.responses()) {
            if (!reported && response != null && response.failed()) {
                halted.add(response);
                reported = true;
            } else {
                halted.add(SubResponse.error(400, "PROCESSING_HALTED", ROLLED_BACK));
            }
        }
        return new Run(halted, true);
    }

    /**
     * Runs one independent subrequest (a batch entry) in its own transaction, without references.
     *
     * @param context the writing user and API
     * @param method the HTTP method
     * @param url the full URL, {@code /services/data/vXX.X/…}
     * @param body the body, or {@code null}
     * @return its response
     */
    SubResponse runIndependent(WriteContext context, String method, String url, JsonNode body) {
        SubrequestUrl parsed = SubrequestUrl.parse(url);
        if (parsed == null) {
            return SubrequestExecutor.notFound();
        }
        JsonNode input = body == null || body.isNull() ? null : body;
        return Transactions.commitUnless(store, context,
                tx -> executor.execute(tx, context, method, parsed, input, Map.of(), false),
                SubResponse::undoRequired);
    }

    private Run runAllOrNone(RecordStore.Transaction tx, WriteContext context, List<Subrequest> subrequests,
                             References references) {
        List<SubResponse> responses = new ArrayList<>(subrequests.size());
        for (Subrequest sub : subrequests) {
            SubResponse response = runIn(tx, context, references, sub, true);
            references.add(sub.referenceId(), response);
            responses.add(response);
            if (response.failed()) {
                while (responses.size() < subrequests.size()) {
                    responses.add(null);
                }
                return new Run(responses, true);
            }
        }
        return new Run(responses, false);
    }

    private SubResponse runOne(WriteContext context, References references, Subrequest sub) {
        return Transactions.commitUnless(store, context, tx -> runIn(tx, context, references, sub, false),
                SubResponse::undoRequired);
    }

    private SubResponse runIn(RecordStore.Transaction tx, WriteContext context, References references,
                              Subrequest sub, boolean allOrNone) {
        String url;
        JsonNode body;
        try {
            url = references.resolveText(sub.url());
            body = references.resolveBody(sub.body());
        } catch (References.Unresolved e) {
            return e.toResponse();
        }
        SubrequestUrl parsed = SubrequestUrl.parse(url);
        if (parsed == null) {
            return SubrequestExecutor.notFound();
        }
        return executor.execute(tx, context, sub.method(), parsed, body, sub.headers(), allOrNone);
    }

    /**
     * Renders {@code {"body","httpHeaders","httpStatusCode","referenceId"}} for each response.
     *
     * @param subrequests the subrequests
     * @param responses their responses, in the same order
     * @return the {@code compositeResponse} array
     */
    static ArrayNode render(List<Subrequest> subrequests, List<SubResponse> responses) {
        ArrayNode out = Json.mapper().createArrayNode();
        for (int i = 0; i < subrequests.size(); i++) {
            SubResponse response = responses.get(i);
            ObjectNode node = out.addObject();
            node.set("body", response.body() == null ? Json.mapper().nullNode() : response.body());
            ObjectNode headers = node.putObject("httpHeaders");
            for (Map.Entry<String, String> header : response.headers().entrySet()) {
                headers.put(header.getKey(), header.getValue());
            }
            node.put("httpStatusCode", response.status());
            node.put("referenceId", subrequests.get(i).referenceId());
        }
        return out;
    }
}
