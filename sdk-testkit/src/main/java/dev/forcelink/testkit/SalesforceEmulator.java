package dev.forcelink.testkit;

import dev.forcelink.testkit.internal.EmulatorFeature;
import dev.forcelink.testkit.internal.EmulatorRuntime;
import dev.forcelink.testkit.internal.auth.ConnectedApp;
import dev.forcelink.testkit.internal.auth.OAuthServer;
import dev.forcelink.testkit.internal.auth.TokenStore;
import dev.forcelink.testkit.internal.bulk.BulkFaultScript;
import dev.forcelink.testkit.internal.bulk.BulkFeature;
import dev.forcelink.testkit.internal.bulk.BulkSettings;
import dev.forcelink.testkit.internal.fault.FaultRegistry;
import dev.forcelink.testkit.internal.fault.Journal;
import dev.forcelink.testkit.internal.http.ApiSession;
import dev.forcelink.testkit.internal.http.HttpFront;
import dev.forcelink.testkit.internal.http.Router;
import dev.forcelink.testkit.internal.http.TlsMaterial;
import dev.forcelink.testkit.internal.org.ChangeLog;
import dev.forcelink.testkit.internal.org.DefaultSchema;
import dev.forcelink.testkit.internal.org.DmlException;
import dev.forcelink.testkit.internal.org.OrgIdentity;
import dev.forcelink.testkit.internal.org.OrgSchema;
import dev.forcelink.testkit.internal.org.RecordStore;
import dev.forcelink.testkit.internal.org.SalesforceIds;
import dev.forcelink.testkit.internal.org.WriteContext;
import dev.forcelink.testkit.internal.org.PublishedEvent;
import dev.forcelink.testkit.internal.pubsub.server.PlatformEventFactory;
import dev.forcelink.testkit.internal.pubsub.server.PubSubControl;
import dev.forcelink.testkit.internal.pubsub.server.PubSubSettings;
import dev.forcelink.testkit.internal.rest.ApiLimits;
import dev.forcelink.testkit.internal.rest.DataApi;
import dev.forcelink.testkit.internal.rest.query.QueryRoutes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.ServiceLoader;
import javax.net.ssl.SSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An in-process Salesforce org: OAuth 2.0, the REST data API and fault injection on one HTTP(S) port of
 * {@code 127.0.0.1}, following Salesforce's paths, headers, status codes and JSON shapes, so that any Salesforce
 * client can be pointed at it.
 *
 * <pre>{@code
 * try (SalesforceEmulator emulator = SalesforceEmulator.start()) {
 *     String token = emulator.issueAccessToken();
 *     // GET emulator.instanceUrl() + "/services/data/v60.0/limits" with "Authorization: Bearer " + token
 * }
 * }</pre>
 *
 * <p>An emulator runs from {@link Builder#start()} until {@link #close()}. Thread-safe: every method may be called
 * from any thread while requests are served.
 */
public final class SalesforceEmulator implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SalesforceEmulator.class);
    private static final String HOST = "127.0.0.1";

    private final OrgIdentity identity;
    private final HttpFront front;
    private final TlsMaterial tls;
    private final TokenStore tokens;
    private final ConnectedApp app;
    private final RecordStore store;
    private final ApiLimits limits;
    private final Faults faults;
    private final RequestJournal journal;
    private final BulkFaults bulkFaults;
    private final String baseUrl;
    private final PubSubControl pubSub;
    private final Clock clock;
    private final PubSubFaults pubSubFaults;
    private final ManagedSubscriptions managedSubscriptions;
    private final List<EmulatorFeature> features = new ArrayList<>();
    private Path certificatePem;
    private boolean closed;

    private SalesforceEmulator(Builder b) {
        this.identity = b.identity();
        this.clock = b.clock;
        OrgSchema schema = DefaultSchema.create();
        b.schemas.forEach(addition -> SchemaApplier.apply(addition, schema));
        ChangeLog changeLog = new ChangeLog(b.changeLogCapacity);
        this.store = new RecordStore(schema, clock, new SalesforceIds("5g", 1), b.maxRecords, changeLog);
        seedUser();
        this.tls = b.tls ? TlsMaterial.generate() : null;
        Router router = new Router();
        FaultRegistry faultRegistry = new FaultRegistry();
        Journal requestLog = new Journal(b.journalCapacity);
        this.front = new HttpFront(new InetSocketAddress(HOST, b.httpPort), tls == null ? null : tls.serverContext(),
                b.httpThreads, router, faultRegistry, requestLog, clock);
        boolean started = false;
        try {
            this.baseUrl = (tls == null ? "http" : "https") + "://" + HOST + ":" + front.port();
            PubSubOptions o = b.pubSubOptions;
            this.pubSub = new PubSubControl(new PubSubSettings(o.keepaliveInterval(), o.idleTimeout(),
                    o.publishStreamIdleTimeout(), o.retention(), o.maxEventsPerTopic(), o.maxChangesPerTransaction()),
                    b.grpcPort != 0 ? b.grpcPort : freePort());
            this.tokens = new TokenStore(clock, b.tokenLifetime, b.maxTokens, identity.orgId15());
            this.app = new ConnectedApp(identity.clientId(), identity.clientSecret(), b.jwtPreAuthorized);
            b.jwtKeys.forEach(app::registerJwtKey);
            this.limits = new ApiLimits(b.dailyApiRequests, () -> store.size() * 2L / 1024);
            DataApi dataApi = new DataApi(router, tokens, limits, b.enforceDailyApiLimit);
            dataApi.installBaseRoutes(session -> baseUrl + "/id/" + session.orgId() + "/" + session.userId());
            // The REST and Composite features share one set of query routes; made here to carry the builder's
            // child batch size.
            dataApi.shared(QueryRoutes.class, () -> new QueryRoutes(schema, store, clock, b.queryChildBatchSize));
            OAuthServer.install(router, identity, app, tokens, clock, baseUrl, baseUrl);
            this.faults = new Faults(faultRegistry, tokens, store.recordLocks());
            this.journal = new RequestJournal(requestLog);
            this.pubSubFaults = new PubSubFaults(pubSub.faults(), tokens);
            this.managedSubscriptions = new ManagedSubscriptions(pubSub.managedSubscriptions());
            BulkFaultScript bulkScript = new BulkFaultScript();
            this.bulkFaults = new BulkFaults(bulkScript);
            EmulatorRuntime runtime = new EmulatorRuntime(identity, schema, store, router, dataApi, limits, tokens,
                    clock, baseUrl, baseUrl, HOST, pubSub.port(), tls, pubSub);
            for (EmulatorFeature feature : ServiceLoader.load(EmulatorFeature.class,
                    SalesforceEmulator.class.getClassLoader())) {
                feature.start(runtime);
                features.add(feature);
                if (feature instanceof BulkFeature bulk) {
                    bulk.configure(new BulkSettings(b.bulkRowsPerSecond, b.bulkJobListPageSize,
                            b.bulkResultPageRecords), bulkScript);
                }
            }
            front.start();
            started = true;
            LOG.info("Salesforce emulator for org {} listening on {}", identity.orgId(), baseUrl);
        } finally {
            if (!started) {
                closeFeatures();
                front.close();
            }
        }
    }

    /** @return a builder with defaults: free ports, plain HTTP, the default schema, a generated org */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Starts an emulator with every default.
     *
     * @return the running emulator
     * @throws EmulatorException if it cannot start
     */
    public static SalesforceEmulator start() {
        return builder().start();
    }

    /** @return {@code http(s)://127.0.0.1:port}, where the REST API lives */
    public String instanceUrl() {
        return baseUrl;
    }

    /** @return the login URL for OAuth: the same server as {@link #instanceUrl()} */
    public String loginUrl() {
        return baseUrl;
    }

    /** @return the HTTP(S) port */
    public int httpPort() {
        return front.port();
    }

    /** @return {@code host:port} of the Pub/Sub gRPC service (plaintext, or TLS when the emulator runs with TLS) */
    public String pubSubAddress() {
        return HOST + ":" + pubSub.port();
    }

    /** @return the Pub/Sub fault script of this emulator */
    public PubSubFaults pubSubFaults() {
        return pubSubFaults;
    }

    /** @return the managed event subscriptions that {@code ManagedSubscribe} streams use */
    public ManagedSubscriptions managedSubscriptions() {
        return managedSubscriptions;
    }

    /**
     * Publishes a platform event as the org's user, as {@code POST /sobjects/Order_Event__e} does: it goes to
     * {@code /event/Order_Event__e} with {@code CreatedDate}, {@code CreatedById} and {@code EventUuid} filled in.
     *
     * @param eventApiName the event's API name, e.g. {@code Order_Event__e}
     * @param fields its custom field values by API name
     * @return the event's id
     * @throws IllegalArgumentException if the event or a field is unknown, or a value does not fit its field
     */
    public String publishPlatformEvent(String eventApiName, Map<String, ?> fields) {
        try {
            PublishedEvent event = PlatformEventFactory.create(store.schema(), clock, eventApiName, fields,
                    identity.userId());
            store.changeLog().publishEvent(event);
            return event.id();
        } catch (DmlException e) {
            throw new IllegalArgumentException(e.statusCode() + ": " + e.getMessage(), e);
        }
    }

    /** @return the 18-character org id ({@code 00D…}) */
    public String orgId() {
        return identity.orgId();
    }

    /** @return the 18-character id of the org's user ({@code 005…}) */
    public String userId() {
        return identity.userId();
    }

    /** @return the user's login name */
    public String username() {
        return identity.username();
    }

    /** @return the user's password (for the password grant) */
    public String password() {
        return identity.password();
    }

    /** @return the user's security token, which may be appended to the password */
    public String securityToken() {
        return identity.securityToken();
    }

    /** @return the connected app's consumer key */
    public String clientId() {
        return identity.clientId();
    }

    /** @return the connected app's consumer secret */
    public String clientSecret() {
        return identity.clientSecret();
    }

    /**
     * Issues a valid access token for the org's user without an HTTP login.
     *
     * @return the token, valid for the configured token lifetime
     */
    public String issueAccessToken() {
        return tokens.issueAccessToken(new ApiSession(identity.orgId(), identity.userId(), identity.username(),
                identity.clientId(), "api"), null);
    }

    /**
     * Makes every access token issued so far expired; refresh tokens keep working, so clients can refresh.
     */
    public void expireAllTokens() {
        tokens.expireAll();
    }

    /** Revokes every access and refresh token issued so far. */
    public void revokeAllTokens() {
        tokens.revokeAll();
    }

    /**
     * Generates a new RSA key pair whose public key the connected app accepts for JWT bearer assertions.
     *
     * @return the key pair; sign assertions with its private key
     */
    public KeyPair generateJwtKeyPair() {
        return app.generateJwtKeyPair();
    }

    /**
     * Returns the private key of the emulator's own JWT key pair (generated and registered on first call), so
     * tests can sign assertions without files.
     *
     * @return the private key
     */
    public PrivateKey jwtPrivateKey() {
        return app.defaultJwtKeyPair().getPrivate();
    }

    /**
     * @return an SSL context that trusts the emulator's self-signed certificate
     * @throws IllegalStateException if the emulator runs without TLS
     */
    public SSLContext sslContext() {
        return requireTls().clientContext();
    }

    /**
     * @return the emulator's self-signed certificate
     * @throws IllegalStateException if the emulator runs without TLS
     */
    public X509Certificate tlsCertificate() {
        return requireTls().certificate();
    }

    /**
     * Writes the certificate as PEM to a temporary file (once; deleted when the JVM exits), for clients in other
     * languages.
     *
     * @return the file's path
     * @throws IllegalStateException if the emulator runs without TLS
     * @throws UncheckedIOException if the file cannot be written
     */
    public synchronized Path certificatePemPath() {
        TlsMaterial material = requireTls();
        if (certificatePem == null) {
            certificatePem = material.writePemFile();
        }
        return certificatePem;
    }

    /** @return the fault script of this emulator */
    public Faults faults() {
        return faults;
    }

    /** @return the Bulk API 2.0 fault script of this emulator (failed jobs, dropped or slow result pages) */
    public BulkFaults bulkFaults() {
        return bulkFaults;
    }

    /** @return the journal of received requests */
    public RequestJournal requests() {
        return journal;
    }

    /**
     * @param limitName a name from {@code /limits}, e.g. {@code DailyApiRequests}
     * @return how much of it has been used
     */
    public long limitUsed(String limitName) {
        return limits.used(limitName);
    }

    /**
     * Stops the server and its features. Idempotent.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        closeFeatures();
        front.close();
        LOG.info("Salesforce emulator for org {} stopped", identity.orgId());
    }

    @Override
    public String toString() {
        return "SalesforceEmulator[" + baseUrl + ", org " + identity.orgId() + "]";
    }

    private void closeFeatures() {
        for (int i = features.size() - 1; i >= 0; i--) {
            try {
                features.get(i).close();
            } catch (RuntimeException e) {
                LOG.warn("Emulator feature {} failed to close", features.get(i).getClass().getName(), e);
            }
        }
        features.clear();
    }

    private TlsMaterial requireTls() {
        if (tls == null) {
            throw new IllegalStateException("This emulator runs without TLS; build it with tls(true)");
        }
        return tls;
    }

    private void seedUser() {
        Map<String, Object> user = new LinkedHashMap<>();
        user.put("Username", identity.username());
        user.put("FirstName", identity.firstName());
        user.put("LastName", identity.lastName());
        user.put("Alias", "emuadmin");
        user.put("Email", identity.email());
        user.put("CompanyName", "Forcelink Emulator");
        try {
            store.seed(WriteContext.of(identity.userId()), "User", identity.userId(), user);
        } catch (DmlException e) {
            throw new EmulatorException("Cannot create the org's user " + identity.username() + ": " + e.getMessage(), e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new EmulatorException("Cannot find a free port for the Pub/Sub service: " + e.getMessage(), e);
        }
    }

    /**
     * Configures an emulator; {@link #start()} creates and starts it. Not thread-safe; a builder may start several
     * emulators (each gets a new org id unless one is set).
     */
    public static final class Builder {
        private int httpPort;
        private int grpcPort;
        private boolean tls;
        private final List<EmulatorSchema> schemas = new ArrayList<>();
        private Duration tokenLifetime = Duration.ofHours(2);
        private Clock clock = Clock.systemUTC();
        private String orgId;
        private String userId;
        private String username = "admin@forcelink-emulator.example";
        private String password = "emulator-password";
        private String securityToken = "EmulatorSecurityToken";
        private String clientId;
        private String clientSecret;
        private String firstName = "Emulator";
        private String lastName = "Admin";
        private final List<PublicKey> jwtKeys = new ArrayList<>();
        private boolean jwtPreAuthorized = true;
        private int maxRecords = 250_000;
        private int maxTokens = 100_000;
        private int changeLogCapacity = 100_000;
        private int journalCapacity = 10_000;
        private int httpThreads = Math.max(64, Runtime.getRuntime().availableProcessors() * 16);
        private long dailyApiRequests = 100_000;
        private boolean enforceDailyApiLimit;
        private PubSubOptions pubSubOptions = PubSubOptions.defaults();
        private int bulkRowsPerSecond;
        private int bulkJobListPageSize = BulkSettings.DEFAULT_JOB_LIST_PAGE_SIZE;
        private int bulkResultPageRecords = BulkSettings.DEFAULT_RESULT_PAGE_RECORDS;
        private int queryChildBatchSize = QueryRoutes.DEFAULT_CHILD_BATCH_SIZE;

        private Builder() {
        }

        /**
         * @param port the HTTP(S) port on 127.0.0.1; 0 (the default) picks a free one
         * @return this builder
         * @throws IllegalArgumentException if the port is out of range
         */
        public Builder httpPort(int port) {
            httpPort = checkPort(port);
            return this;
        }

        /**
         * @param port the Pub/Sub gRPC port; 0 (the default) picks a free one at start
         * @return this builder
         * @throws IllegalArgumentException if the port is out of range
         */
        public Builder grpcPort(int port) {
            grpcPort = checkPort(port);
            return this;
        }

        /**
         * @param enabled whether to serve HTTPS with a generated self-signed certificate (see
         *     {@link SalesforceEmulator#sslContext()})
         * @return this builder
         */
        public Builder tls(boolean enabled) {
            tls = enabled;
            return this;
        }

        /**
         * Adds objects and fields from a schema file (see {@link EmulatorSchema} for the format).
         *
         * @param jsonFile the file
         * @return this builder
         * @throws EmulatorException if the file cannot be read or is invalid
         */
        public Builder schema(Path jsonFile) {
            schemas.add(EmulatorSchema.fromJson(jsonFile));
            return this;
        }

        /**
         * Adds objects and fields.
         *
         * @param schema what to add
         * @return this builder
         */
        public Builder schema(EmulatorSchema schema) {
            schemas.add(Objects.requireNonNull(schema, "schema"));
            return this;
        }

        /**
         * @param lifetime how long access tokens work (default 2 hours)
         * @return this builder
         * @throws IllegalArgumentException if not positive
         */
        public Builder tokenLifetime(Duration lifetime) {
            if (lifetime.isNegative() || lifetime.isZero()) {
                throw new IllegalArgumentException("token lifetime must be positive, got " + lifetime);
            }
            tokenLifetime = lifetime;
            return this;
        }

        /**
         * @param value the clock for record timestamps, token issue and expiry, JWT checks and the journal
         * @return this builder
         */
        public Builder clock(Clock value) {
            clock = Objects.requireNonNull(value, "clock");
            return this;
        }

        /**
         * @param id a 15- or 18-character org id starting {@code 00D}; default: generated
         * @return this builder
         * @throws IllegalArgumentException if the id is malformed
         */
        public Builder orgId(String id) {
            orgId = checkId(id, "00D", "org id");
            return this;
        }

        /**
         * @param id a 15- or 18-character user id starting {@code 005}; default: generated
         * @return this builder
         * @throws IllegalArgumentException if the id is malformed
         */
        public Builder userId(String id) {
            userId = checkId(id, "005", "user id");
            return this;
        }

        /**
         * @param value the user's login name
         * @return this builder
         */
        public Builder username(String value) {
            username = requireText(value, "username");
            return this;
        }

        /**
         * @param value the user's password
         * @return this builder
         */
        public Builder password(String value) {
            password = requireText(value, "password");
            return this;
        }

        /**
         * @param value the user's security token
         * @return this builder
         */
        public Builder securityToken(String value) {
            securityToken = Objects.requireNonNull(value, "securityToken");
            return this;
        }

        /**
         * @param value the connected app's consumer key; default: generated
         * @return this builder
         */
        public Builder clientId(String value) {
            clientId = requireText(value, "clientId");
            return this;
        }

        /**
         * @param value the connected app's consumer secret; default: generated
         * @return this builder
         */
        public Builder clientSecret(String value) {
            clientSecret = requireText(value, "clientSecret");
            return this;
        }

        /**
         * @param first the user's first name
         * @param last the user's last name
         * @return this builder
         */
        public Builder userName(String first, String last) {
            firstName = Objects.requireNonNull(first, "first");
            lastName = requireText(last, "last");
            return this;
        }

        /**
         * Registers the connected app's certificate: JWT bearer assertions signed with its key are accepted.
         *
         * @param certificate an RSA certificate
         * @return this builder
         * @throws IllegalArgumentException if the key is not RSA
         */
        public Builder jwtCertificate(X509Certificate certificate) {
            return jwtPublicKey(certificate.getPublicKey());
        }

        /**
         * Registers a public key for JWT bearer assertions.
         *
         * @param key an RSA public key
         * @return this builder
         * @throws IllegalArgumentException if the key is not RSA
         */
        public Builder jwtPublicKey(PublicKey key) {
            if (!"RSA".equals(key.getAlgorithm())) {
                throw new IllegalArgumentException("JWT bearer assertions are RS256: register an RSA key, not "
                        + key.getAlgorithm());
            }
            jwtKeys.add(key);
            return this;
        }

        /**
         * @param value whether the JWT bearer flow may act for the user (true by default); when false it gets
         *     {@code user hasn't approved this consumer}
         * @return this builder
         */
        public Builder jwtPreAuthorized(boolean value) {
            jwtPreAuthorized = value;
            return this;
        }

        /**
         * @param value the most records kept, live and in the recycle bin (default 250,000); beyond it the oldest
         *     deleted records are purged, then writes fail with {@code STORAGE_LIMIT_EXCEEDED}
         * @return this builder
         * @throws IllegalArgumentException if below 1
         */
        public Builder maxRecords(int value) {
            maxRecords = atLeastOne(value, "maxRecords");
            return this;
        }

        /**
         * @param value the most requests the journal keeps (default 10,000)
         * @return this builder
         * @throws IllegalArgumentException if below 1
         */
        public Builder journalCapacity(int value) {
            journalCapacity = atLeastOne(value, "journalCapacity");
            return this;
        }

        /**
         * @param value request threads (default: 16 per core, at least 64)
         * @return this builder
         * @throws IllegalArgumentException if below 1
         */
        public Builder httpThreads(int value) {
            httpThreads = atLeastOne(value, "httpThreads");
            return this;
        }

        /**
         * @param value the {@code DailyApiRequests} maximum reported in {@code /limits} and
         *     {@code Sforce-Limit-Info} (default 100,000)
         * @return this builder
         * @throws IllegalArgumentException if below 1
         */
        public Builder dailyApiRequests(long value) {
            if (value < 1) {
                throw new IllegalArgumentException("dailyApiRequests must be at least 1, got " + value);
            }
            dailyApiRequests = value;
            return this;
        }

        /**
         * @param value whether calls beyond {@code DailyApiRequests} get 403 {@code REQUEST_LIMIT_EXCEEDED}
         *     (default false: usage may exceed the maximum, as Salesforce's soft limit allows for a while)
         * @return this builder
         */
        public Builder enforceDailyApiLimit(boolean value) {
            enforceDailyApiLimit = value;
            return this;
        }

        /**
         * @param value how many child records of one parent a query result nests for a child subquery such as
         *     {@code (SELECT Id FROM Contacts)}, and how many each continuation of that child result returns
         *     (default 200; Salesforce does not document its number). A parent with more children gets
         *     {@code done: false} and a {@code nextRecordsUrl} for the rest, as on Salesforce.
         * @return this builder
         * @throws IllegalArgumentException if not 1 to 2000
         */
        public Builder queryChildBatchSize(int value) {
            if (value < 1 || value > 2000) {
                throw new IllegalArgumentException("queryChildBatchSize must be 1 to 2000, got " + value);
            }
            queryChildBatchSize = value;
            return this;
        }

        /**
         * @param options keepalive, idle timeouts and retention of the Pub/Sub API (default: Salesforce's)
         * @return this builder
         */
        public Builder pubSub(PubSubOptions options) {
            pubSubOptions = Objects.requireNonNull(options, "options");
            return this;
        }

        /**
         * @param rowsPerSecond how many rows a Bulk API job processes per second; 0 (the default) for as fast as
         *     possible. A low rate keeps jobs {@code InProgress} long enough to observe or abort them.
         * @return this builder
         * @throws IllegalArgumentException if negative
         */
        public Builder bulkProcessingRate(int rowsPerSecond) {
            if (rowsPerSecond < 0) {
                throw new IllegalArgumentException("bulkProcessingRate must be 0 (unthrottled) or more, got "
                        + rowsPerSecond);
            }
            bulkRowsPerSecond = rowsPerSecond;
            return this;
        }

        /**
         * @param value the most jobs per page of the Bulk job lists (default and maximum 1000, as Salesforce)
         * @return this builder
         * @throws IllegalArgumentException if not 1 to 1000
         */
        public Builder bulkJobListPageSize(int value) {
            if (value < 1 || value > BulkSettings.DEFAULT_JOB_LIST_PAGE_SIZE) {
                throw new IllegalArgumentException("bulkJobListPageSize must be 1 to 1000, got " + value);
            }
            bulkJobListPageSize = value;
            return this;
        }

        /**
         * @param value the records of a Bulk query results page when the client sends no {@code maxRecords}, and
         *     of each page listed by {@code resultPages} (default 50,000)
         * @return this builder
         * @throws IllegalArgumentException if below 1
         */
        public Builder bulkResultPageSize(int value) {
            bulkResultPageRecords = atLeastOne(value, "bulkResultPageSize");
            return this;
        }

        /**
         * Creates and starts the emulator.
         *
         * @return the running emulator
         * @throws EmulatorException if it cannot start (port taken, invalid schema, …)
         */
        public SalesforceEmulator start() {
            try {
                return new SalesforceEmulator(this);
            } catch (UncheckedIOException | IllegalStateException e) {
                throw new EmulatorException("The Salesforce emulator could not start: " + e.getMessage(), e);
            }
        }

        private OrgIdentity identity() {
            String org = orgId != null ? orgId : SalesforceIds.random("00D");
            String user = userId != null ? userId : SalesforceIds.random("005");
            String id = clientId != null ? clientId : "3MVG9" + randomText(
                    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._", 80);
            String secret = clientSecret != null ? clientSecret : randomText("0123456789ABCDEF", 64);
            return new OrgIdentity(org, user, username, password, securityToken, id, secret, firstName, lastName,
                    username);
        }

        private static String randomText(String alphabet, int length) {
            SecureRandom random = new SecureRandom();
            StringBuilder out = new StringBuilder(length);
            for (int i = 0; i < length; i++) {
                out.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            return out.toString();
        }

        private static int checkPort(int port) {
            if (port < 0 || port > 65_535) {
                throw new IllegalArgumentException("port must be 0 (any free port) to 65535, got " + port);
            }
            return port;
        }

        private static int atLeastOne(int value, String name) {
            if (value < 1) {
                throw new IllegalArgumentException(name + " must be at least 1, got " + value);
            }
            return value;
        }

        private static String requireText(String value, String name) {
            if (value == null || value.isBlank()) {
                throw new IllegalArgumentException(name + " must not be blank");
            }
            return value;
        }

        private static String checkId(String id, String prefix, String what) {
            if (!SalesforceIds.isValid(id) || !id.startsWith(prefix)) {
                throw new IllegalArgumentException(what + " must be a 15- or 18-character Salesforce id starting "
                        + prefix + ", got " + id);
            }
            return SalesforceIds.to18(id);
        }
    }
}
