package dev.forcelink.pubsub.internal.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.forcelink.core.testing.LogCapture;
import dev.forcelink.pubsub.internal.grpclog.FrameLogRedaction;
import dev.forcelink.core.testing.SecretAssertions;
import io.grpc.netty.shaded.io.netty.channel.ChannelHandlerAdapter;
import io.grpc.netty.shaded.io.netty.channel.ChannelHandlerContext;
import io.grpc.netty.shaded.io.netty.channel.embedded.EmbeddedChannel;
import io.grpc.netty.shaded.io.netty.handler.codec.http2.DefaultHttp2Headers;
import io.grpc.netty.shaded.io.netty.handler.codec.http2.Http2FrameLogger;
import io.grpc.netty.shaded.io.netty.handler.codec.http2.Http2Headers;
import io.grpc.netty.shaded.io.netty.handler.logging.LogLevel;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** grpc-netty's HTTP/2 frame log at DEBUG, as every Pub/Sub call produces it, never shows the token. */
class FrameLogRedactionTest {
  private static final String TOKEN = "00D5e000000AbCd!AQoGVXJ57gSVdHtCe8_secret_token_value";

  @RegisterExtension
  final LogCapture logs = new LogCapture();

  private static Http2Headers callHeaders() {
    return new DefaultHttp2Headers()
        .path("/eventbus.v1.PubSub/Subscribe")
        .add("accesstoken", TOKEN)
        .add("authorization", "Bearer " + TOKEN)
        .add("instanceurl", "https://acme.my.salesforce.com")
        .add("tenantid", "00D5e000000AbCdEAF")
        .add("x-client-trace-id", "3f2c7e0a-52d4-4a55-9a0e-0d6c0c2b1f00");
  }

  @Test
  void headersFramesAreLoggedWithTheTokenRedacted() {
    Channels.build(new Channels.Settings("localhost", 7011, true, null, null, java.time.Duration.ofMinutes(5),
        java.time.Duration.ofSeconds(20), 4 * 1024 * 1024)).shutdownNow();
    EmbeddedChannel channel = new EmbeddedChannel(new ChannelHandlerAdapter() {});
    ChannelHandlerContext ctx = channel.pipeline().firstContext();
    // The logger name grpc-netty's client handler logs its frames under.
    Http2FrameLogger frames = new Http2FrameLogger(LogLevel.DEBUG,
        "io.grpc.netty.shaded.io.grpc.netty.NettyClientHandler");

    frames.logHeaders(Http2FrameLogger.Direction.OUTBOUND, ctx, 3, callHeaders(), 0, false);
    channel.finishAndReleaseAll();

    List<String> lines = logs.linesContaining("OUTBOUND HEADERS");
    assertThat(lines).hasSize(1);
    assertThat(lines.get(0)).contains("accesstoken: <redacted>", "authorization: <redacted>",
        ":path: /eventbus.v1.PubSub/Subscribe", "tenantid: 00D5e000000AbCdEAF",
        "x-client-trace-id: 3f2c7e0a-52d4-4a55-9a0e-0d6c0c2b1f00");
    SecretAssertions.planted(TOKEN).assertNotIn(logs);
  }

  @Test
  void otherArgumentsPassThroughUnchanged() {
    FrameLogRedaction.install();
    var logger = FrameLogRedaction.redacting(
        io.grpc.netty.shaded.io.netty.util.internal.logging.InternalLoggerFactory.getInstance("frame-test"));

    logger.debug("{} and {} and {}", "plain", 42, callHeaders());

    assertThat(logs.linesContaining("frame-test")).singleElement().asString()
        .contains("plain and 42 and DefaultHttp2Headers[", "accesstoken: <redacted>").doesNotContain(TOKEN);
    assertThat(logger.isDebugEnabled()).isTrue();
  }
}
