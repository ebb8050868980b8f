package dev.forcelink.testkit.internal.pubsub.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.forcelink.pubsub.internal.proto.TopicRequest;
import dev.forcelink.testkit.SalesforceEmulator;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PubSubAuthTest {

    private static final String RPC_ID_SUFFIX = "rpcId: [0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
    private static final TopicRequest ORDER_EVENTS = TopicRequest.newBuilder().setTopicName("/event/Order_Event__e")
            .build();

    private static SalesforceEmulator emulator;
    private static GrpcClient client;

    @BeforeAll
    static void start() {
        emulator = SalesforceEmulator.start();
        client = GrpcClient.plaintext(emulator);
    }

    @AfterAll
    static void stop() throws InterruptedException {
        client.close();
        emulator.close();
    }

    @Test
    void validMetadataIsAccepted() {
        assertThat(client.blocking(emulator.issueAccessToken()).getTopic(ORDER_EVENTS).getCanPublish()).isTrue();
    }

    @Test
    void acceptsTheFifteenCharacterOrgIdAsTenant() {
        Metadata metadata = GrpcClient.auth(emulator.issueAccessToken(), emulator.instanceUrl(),
                emulator.orgId().substring(0, 15));
        assertThat(client.blocking(metadata).getTopic(ORDER_EVENTS).getTopicName()).isEqualTo("/event/Order_Event__e");
    }

    @Test
    void missingTokenIsUnauthenticatedWithTheAuthErrorCode() {
        assertAuthError(GrpcClient.auth(null, emulator.instanceUrl(), emulator.orgId()));
    }

    @Test
    void unknownTokenIsRefused() {
        assertAuthError(GrpcClient.auth("00Dxx0000000001!not-a-token", emulator.instanceUrl(), emulator.orgId()));
    }

    @Test
    void wrongTenantIsRefused() {
        assertAuthError(GrpcClient.auth(emulator.issueAccessToken(), emulator.instanceUrl(), "00D000000000001AAA"));
    }

    @Test
    void missingInstanceUrlIsRefused() {
        assertAuthError(GrpcClient.auth(emulator.issueAccessToken(), null, emulator.orgId()));
    }

    @Test
    void revokedTokenIsRefused() {
        String token = emulator.issueAccessToken();
        emulator.faults().revokeToken(token);
        assertAuthError(client.auth(token));
    }

    @Test
    void expiredTokenIsRefusedAndTheMessageHidesIt() {
        String token = emulator.issueAccessToken();
        emulator.expireAllTokens();
        StatusRuntimeException error = assertAuthError(client.auth(token));
        assertThat(error.getMessage()).doesNotContain(token);
    }

    private StatusRuntimeException assertAuthError(Metadata metadata) {
        StatusRuntimeException error = catchThrowableOfType(StatusRuntimeException.class,
                () -> client.blocking(metadata).getTopic(ORDER_EVENTS));
        assertThat(error.getStatus().getCode()).isEqualTo(Status.Code.UNAUTHENTICATED);
        assertThat(error.getTrailers().get(PubSubErrors.ERROR_CODE))
                .isEqualTo("sfdc.platform.eventbus.grpc.service.auth.error");
        assertThat(error.getStatus().getDescription())
                .startsWith("An authentication exception occurred. Provide valid authentication via metadata headers.")
                .containsPattern(RPC_ID_SUFFIX + "$");
        return error;
    }
}
