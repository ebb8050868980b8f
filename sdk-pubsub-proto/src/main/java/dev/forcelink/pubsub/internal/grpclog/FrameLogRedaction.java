package dev.forcelink.pubsub.internal.grpclog;

import io.grpc.netty.shaded.io.netty.handler.codec.http2.Http2Headers;
import io.grpc.netty.shaded.io.netty.util.internal.logging.InternalLogger;
import io.grpc.netty.shaded.io.netty.util.internal.logging.InternalLoggerFactory;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the access token out of gRPC's HTTP/2 frame logs, on the client and on the emulator's
 * server alike. grpc-netty logs every HEADERS frame, with every header value, at DEBUG
 * ({@code io.grpc.netty.shaded.io.grpc.netty.NettyClientHandler} and {@code NettyServerHandler}), so
 * the {@code accesstoken} metadata of each call would reach any log configured at DEBUG or TRACE.
 * The frame logger gets its logger from the shaded Netty's {@link InternalLoggerFactory} for each new
 * connection, and offers no other hook; this class wraps that factory's loggers so that a logged
 * {@link Http2Headers} argument is printed with an allow-list: pseudo-headers and gRPC's own headers
 * as they are, {@code instanceurl}, {@code tenantid} and {@code x-client-trace-id} too, every other
 * value as {@code <redacted>}.
 *
 * <p>The wrapper is installed once per JVM, before the first channel is built, and affects only the
 * copy of Netty shaded into grpc-netty-shaded. Thread-safe.
 */
public final class FrameLogRedaction {
  /** What a header value that is not on the allow-list prints as. */
  public static final String REDACTED = "<redacted>";
  private static final Logger LOG = LoggerFactory.getLogger(FrameLogRedaction.class);
  private static final Set<String> LOGGABLE = Set.of(":authority", ":path", ":method", ":scheme", ":status",
      "content-type", "te", "user-agent", "grpc-encoding", "grpc-accept-encoding", "grpc-timeout", "grpc-status",
      "grpc-message", "instanceurl", "tenantid", "x-client-trace-id", "error-code", "rpc-id");
  private static boolean installed;

  private FrameLogRedaction() {}

  /**
   * Wraps the shaded Netty logger factory, once per JVM; later calls do nothing. Never throws: if
   * the factory cannot be wrapped (a security manager or module rules deny access), logs a warning
   * that names the loggers to keep below DEBUG.
   */
  public static synchronized void install() {
    if (installed) {
      return;
    }
    installed = true;
    InternalLoggerFactory original = InternalLoggerFactory.getDefaultFactory();
    Method newInstance;
    try {
      newInstance = InternalLoggerFactory.class.getDeclaredMethod("newInstance", String.class);
      newInstance.setAccessible(true);
    } catch (ReflectiveOperationException | RuntimeException e) {
      LOG.warn("Cannot redact gRPC's HTTP/2 frame logs ({}); keep the loggers "
          + "io.grpc.netty.shaded.io.grpc.netty.NettyClientHandler and NettyServerHandler below DEBUG, or it logs the access token",
          e.toString());
      return;
    }
    InternalLoggerFactory.setDefaultFactory(new InternalLoggerFactory() {
      @Override
      protected InternalLogger newInstance(String name) {
        try {
          return redacting((InternalLogger) newInstance.invoke(original, name));
        } catch (IllegalAccessException e) {
          throw new IllegalStateException(e);
        } catch (InvocationTargetException e) {
          throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
      }
    });
  }

  /**
   * Wraps a logger so that {@link Http2Headers} arguments are logged with their values allow-listed.
   *
   * @param delegate the logger to wrap
   * @return the wrapping logger
   */
  public static InternalLogger redacting(InternalLogger delegate) {
    InvocationHandler handler = (proxy, method, args) -> {
      try {
        return method.invoke(delegate, redactArguments(args));
      } catch (InvocationTargetException e) {
        throw e.getCause();
      }
    };
    return (InternalLogger) Proxy.newProxyInstance(FrameLogRedaction.class.getClassLoader(),
        new Class<?>[] {InternalLogger.class}, handler);
  }

  private static Object[] redactArguments(Object[] args) {
    if (args == null) {
      return null;
    }
    Object[] out = args.clone();
    for (int i = 0; i < out.length; i++) {
      if (out[i] instanceof Http2Headers headers) {
        out[i] = forLog(headers);
      } else if (out[i] instanceof Object[] nested) {
        out[i] = redactArguments(nested);
      }
    }
    return out;
  }

  /**
   * Formats headers for a log line, with the value of every header outside the allow-list replaced.
   *
   * @param headers the headers
   * @return {@code Type[name: value, …]}
   */
  public static String forLog(Http2Headers headers) {
    StringBuilder b = new StringBuilder(headers.getClass().getSimpleName()).append('[');
    boolean first = true;
    for (Map.Entry<CharSequence, CharSequence> header : headers) {
      String name = header.getKey().toString();
      b.append(first ? "" : ", ").append(name).append(": ")
          .append(LOGGABLE.contains(name.toLowerCase(Locale.ROOT)) ? header.getValue() : REDACTED);
      first = false;
    }
    return b.append(']').toString();
  }
}
