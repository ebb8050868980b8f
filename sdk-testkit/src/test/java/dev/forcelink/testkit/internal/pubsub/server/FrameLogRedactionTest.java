package dev.forcelink.testkit.internal.pubsub.server;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.forcelink.pubsub.internal.proto.TopicRequest;
import dev.forcelink.testkit.SalesforceEmulator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** The emulator's gRPC server logs HTTP/2 frames at DEBUG without the access tokens their metadata carries. */
class FrameLogRedactionTest {

    private static final String SERVER_HANDLER = "io.grpc.netty.shaded.io.grpc.netty.NettyServerHandler";

    @Test
    void inboundHeadersFramesShowTheMetadataButNotTheToken() {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        ch.qos.logback.classic.Logger frames = context.getLogger(SERVER_HANDLER);
        Level saved = frames.getLevel();
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        frames.addAppender(appender);
        frames.setLevel(Level.DEBUG);
        String token;
        try (SalesforceEmulator emulator = SalesforceEmulator.start(); GrpcClient client = GrpcClient.plaintext(emulator)) {
            token = emulator.issueAccessToken();
            client.blocking(token).getTopic(TopicRequest.newBuilder().setTopicName("/event/Order_Event__e").build());
        } finally {
            frames.detachAppender(appender);
            frames.setLevel(saved);
        }

        List<String> headers = appender.list.stream().map(ILoggingEvent::getFormattedMessage)
                .filter(m -> m.contains("INBOUND HEADERS")).toList();
        assertThat(headers).isNotEmpty().allSatisfy(line -> assertThat(line).doesNotContain(token));
        assertThat(headers).anySatisfy(line -> assertThat(line).contains("accesstoken: <redacted>")
                .contains("tenantid: ").contains("instanceurl: "));
        assertThat(appender.list).extracting(ILoggingEvent::getFormattedMessage)
                .allSatisfy(line -> assertThat(line).doesNotContain(token));
    }
}
