package dev.forcelink.pubsub.internal.grpc;

import dev.forcelink.pubsub.internal.grpclog.FrameLogRedaction;
import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.GrpcSslContexts;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.netty.shaded.io.netty.handler.ssl.SslContextBuilder;
import java.io.File;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLException;
import javax.net.ssl.TrustManagerFactory;

/**
 * Builds the Netty channel to the Pub/Sub endpoint: TLS unless plaintext is allowed, keepalive pings
 * only during calls and no more often than the configured time (at least the gRPC server default
 * minimum of 5 minutes, so the server never answers {@code ENHANCE_YOUR_CALM too_many_pings}), and
 * HTTP/2 frame logs that never show the access token ({@link FrameLogRedaction}).
 *
 * <p>Stateless and thread-safe.
 */
public final class Channels {
  private Channels() {}

  /** Settings for {@link #build(Settings)}. */
  public record Settings(String host, int port, boolean plaintext, Path trustCertificates,
      TrustManagerFactory trustManagerFactory, Duration keepAliveTime, Duration keepAliveTimeout,
      int maxInboundMessageBytes) {}

  /**
   * Builds a channel.
   *
   * @param s the settings
   * @return the channel, owned by the caller
   * @throws IllegalArgumentException if the TLS settings cannot be used
   */
  public static ManagedChannel build(Settings s) {
    // grpc-netty logs HEADERS frames, access token included, at DEBUG unless its logger is wrapped first.
    FrameLogRedaction.install();
    NettyChannelBuilder builder = NettyChannelBuilder.forAddress(s.host(), s.port())
        .keepAliveTime(s.keepAliveTime().toNanos(), TimeUnit.NANOSECONDS)
        .keepAliveTimeout(s.keepAliveTimeout().toNanos(), TimeUnit.NANOSECONDS)
        .keepAliveWithoutCalls(false)
        .maxInboundMessageSize(s.maxInboundMessageBytes());
    if (s.plaintext()) {
      builder.usePlaintext();
    } else {
      builder.useTransportSecurity();
      if (s.trustCertificates() != null || s.trustManagerFactory() != null) {
        try {
          SslContextBuilder ssl = GrpcSslContexts.forClient();
          if (s.trustCertificates() != null) {
            File pem = s.trustCertificates().toFile();
            ssl.trustManager(pem);
          } else {
            ssl.trustManager(s.trustManagerFactory());
          }
          builder.sslContext(ssl.build());
        } catch (SSLException | IllegalArgumentException e) {
          throw new IllegalArgumentException("Cannot set up TLS for " + s.host() + ":" + s.port()
              + " with the given trust settings: " + e.getMessage(), e);
        }
      }
    }
    return builder.build();
  }

  /**
   * Tells whether a host name is a loopback address, where plaintext is allowed without opting in.
   *
   * @param host the host
   * @return true for {@code localhost}, {@code 127.x.x.x} and {@code ::1}
   */
  public static boolean isLoopback(String host) {
    if ("localhost".equalsIgnoreCase(host)) {
      return true;
    }
    if (!host.matches("[0-9.]+") && !host.contains(":")) {
      return false;
    }
    try {
      return InetAddress.getByName(host).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }
}
