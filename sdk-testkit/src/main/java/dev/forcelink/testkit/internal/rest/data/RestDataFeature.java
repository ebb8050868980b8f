package dev.forcelink.testkit.internal.rest.data;

import dev.forcelink.testkit.internal.EmulatorFeature;
import dev.forcelink.testkit.internal.EmulatorRuntime;
import dev.forcelink.testkit.internal.rest.describe.DescribeRoutes;
import dev.forcelink.testkit.internal.rest.query.QueryRoutes;
import dev.forcelink.testkit.internal.rest.search.SearchRoutes;
import dev.forcelink.testkit.internal.uiapi.UiApiRoutes;

/**
 * Installs the REST data resources: sObject records, query and queryAll, search, describe and the UI API records.
 * Thread-safe once started.
 */
public final class RestDataFeature implements EmulatorFeature {

    @Override
    public void start(EmulatorRuntime runtime) {
        RecordService records = new RecordService(runtime.schema(), runtime.store(), runtime.clock());
        new SObjectRoutes(runtime.schema(), runtime.store(), records).install(runtime.dataApi());
        runtime.dataApi().shared(QueryRoutes.class,
                () -> new QueryRoutes(runtime.schema(), runtime.store(), runtime.clock())).install(runtime.dataApi());
        new SearchRoutes(runtime.schema(), runtime.store(), runtime.clock()).install(runtime.dataApi());
        new UiApiRoutes(runtime.schema(), runtime.store(), records, runtime.clock()).install(runtime.dataApi());
        new DescribeRoutes(runtime.schema(), runtime.clock(), runtime.instanceUrl()).install(runtime.dataApi());
    }
}
