package dev.forcelink.testkit.internal.rest.composite;

import dev.forcelink.testkit.internal.EmulatorFeature;
import dev.forcelink.testkit.internal.EmulatorRuntime;
import dev.forcelink.testkit.internal.rest.data.RecordService;
import dev.forcelink.testkit.internal.rest.query.QueryRoutes;

/**
 * Installs the Composite family: {@code /composite}, {@code /composite/batch}, {@code /composite/tree},
 * {@code /composite/graph} and sObject Collections. Subrequests run on the same record service and query
 * cursors as the REST resources, so a {@code nextRecordsUrl} from a Composite query continues with a plain GET.
 * Thread-safe once started.
 */
public final class CompositeFeature implements EmulatorFeature {

    @Override
    public void start(EmulatorRuntime runtime) {
        RecordService records = new RecordService(runtime.schema(), runtime.store(), runtime.clock());
        QueryRoutes queries = runtime.dataApi().shared(QueryRoutes.class,
                () -> new QueryRoutes(runtime.schema(), runtime.store(), runtime.clock()));
        LockGate locks = new LockGate(runtime.store().recordLocks());
        CollectionsService collections = new CollectionsService(runtime.schema(), runtime.store(), records, locks);
        SubrequestExecutor executor = new SubrequestExecutor(runtime.schema(), records, queries, collections, locks,
                runtime.limits());
        CompositeRunner runner = new CompositeRunner(runtime.store(), executor);
        new CompositeRoutes(runtime.store(), runner, new TreeService(runtime.schema(), records, locks),
                new GraphService(runner)).install(runtime.dataApi());
        new CollectionsRoutes(runtime.store(), collections).install(runtime.dataApi());
    }
}
