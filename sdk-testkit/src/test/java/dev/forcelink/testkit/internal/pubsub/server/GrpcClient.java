package dev.forcelink.testkit.internal.pubsub.server;

import dev.forcelink.pubsub.internal.proto.PubSubGrpc;
import dev.forcelink.testkit.SalesforceEmulator;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.netty.shaded.io.grpc.netty.GrpcSslContexts;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.MetadataUtils;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLException;

/** A real gRPC channel to an emulator's Pub/Sub port, with stubs carrying Salesforce's Pub/Sub auth metadata. */
final class GrpcClient implements AutoCloseable {

    private final ManagedChannel channel;
    private final SalesforceEmulator emulator;

    private GrpcClient(ManagedChannel channel, SalesforceEmulator emulator) {
        this.channel = channel;
        this.emulator = emulator;
    }

    static GrpcClient plaintext(SalesforceEmulator emulator) {
        return new GrpcClient(NettyChannelBuilder.forTarget(emulator.pubSubAddress()).usePlaintext()
                .maxInboundMessageSize(8 * 1024 * 1024).build(), emulator);
    }

    static GrpcClient tls(SalesforceEmulator emulator) throws SSLException {
        return new GrpcClient(NettyChannelBuilder.forTarget(emulator.pubSubAddress())
                .sslContext(GrpcSslContexts.forClient().trustManager(emulator.tlsCertificate()).build()).build(),
                emulator);
    }

    static Metadata auth(String token, String instanceUrl, String tenantId) {
        Metadata metadata = new Metadata();
        if (token != null) {
            metadata.put(Metadata.Key.of("accesstoken", Metadata.ASCII_STRING_MARSHALLER), token);
        }
        if (instanceUrl != null) {
            metadata.put(Metadata.Key.of("instanceurl", Metadata.ASCII_STRING_MARSHALLER), instanceUrl);
        }
        if (tenantId != null) {
            metadata.put(Metadata.Key.of("tenantid", Metadata.ASCII_STRING_MARSHALLER), tenantId);
        }
        return metadata;
    }

    Metadata auth(String token) {
        return auth(token, emulator.instanceUrl(), emulator.orgId());
    }

    PubSubGrpc.PubSubBlockingStub blocking(String token) {
        return blocking(auth(token));
    }

    PubSubGrpc.PubSubBlockingStub blocking(Metadata metadata) {
        return PubSubGrpc.newBlockingStub(channel).withInterceptors(MetadataUtils.newAttachHeadersInterceptor(metadata));
    }

    PubSubGrpc.PubSubStub async(String token) {
        return PubSubGrpc.newStub(channel).withInterceptors(MetadataUtils.newAttachHeadersInterceptor(auth(token)));
    }

    @Override
    public void close() {
        channel.shutdownNow();
        try {
            channel.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
