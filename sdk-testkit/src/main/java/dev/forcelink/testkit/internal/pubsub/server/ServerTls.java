package dev.forcelink.testkit.internal.pubsub.server;

import dev.forcelink.testkit.internal.http.TlsMaterial;
import io.grpc.netty.shaded.io.netty.handler.codec.http2.Http2SecurityUtil;
import io.grpc.netty.shaded.io.netty.handler.ssl.ApplicationProtocolConfig;
import io.grpc.netty.shaded.io.netty.handler.ssl.ApplicationProtocolNames;
import io.grpc.netty.shaded.io.netty.handler.ssl.ClientAuth;
import io.grpc.netty.shaded.io.netty.handler.ssl.JdkSslContext;
import io.grpc.netty.shaded.io.netty.handler.ssl.SslContext;
import io.grpc.netty.shaded.io.netty.handler.ssl.SupportedCipherSuiteFilter;

/**
 * Serves gRPC over TLS with the emulator's own certificate: Netty wraps the JDK server context of
 * {@link TlsMaterial}, with ALPN {@code h2} as gRPC requires. Stateless.
 */
final class ServerTls {

    private ServerTls() {
    }

    static SslContext context(TlsMaterial tls) {
        ApplicationProtocolConfig alpn = new ApplicationProtocolConfig(ApplicationProtocolConfig.Protocol.ALPN,
                ApplicationProtocolConfig.SelectorFailureBehavior.NO_ADVERTISE,
                ApplicationProtocolConfig.SelectedListenerFailureBehavior.ACCEPT, ApplicationProtocolNames.HTTP_2);
        return new JdkSslContext(tls.serverContext(), false, Http2SecurityUtil.CIPHERS,
                SupportedCipherSuiteFilter.INSTANCE, alpn, ClientAuth.NONE, null, false);
    }
}
