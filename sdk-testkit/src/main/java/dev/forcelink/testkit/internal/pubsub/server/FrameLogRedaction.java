package dev.forcelink.testkit.internal.pubsub.server;

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
 * Keeps access tokens out of the gRPC server's HTTP/2 frame logs. grpc-netty logs every HEADERS frame with its values
 * at DEBUG ({@code io.grpc.netty.shaded.io.grpc.netty.NettyServerHandler}), and a Pub/Sub call carries its token in
 * the {@code accesstoken} metadata (§4.5). The frame logger takes its logger from the shaded Netty's
 * {@link InternalLoggerFactory} for each connection; this class wraps that factory's loggers so that logged headers
 * pass an allow-list (pseudo-headers, gRPC's headers, {@code instanceurl}, {@code tenantid},
 * {@code x-client-trace-id}) and every other value prints as {@code <redacted>}.
 *
 * <p>Installed once per JVM, before the server starts; affects only the Netty copy inside grpc-netty-shaded.
 * Thread-safe.
 */
final class FrameLogRedaction {

    static final String REDACTED = "<redacted>";
    private static final Logger LOG = LoggerFactory.getLogger(FrameLogRedaction.class);
    private static final Set<String> LOGGABLE = Set.of(":authority", ":path", ":method", ":scheme", ":status",
            "content-type", "te", "user-agent", "grpc-encoding", "grpc-accept-encoding", "grpc-timeout", "grpc-status",
            "grpc-message", "instanceurl", "tenantid", "x-client-trace-id", "error-code", "rpc-id");
    private static boolean installed;

    private FrameLogRedaction() {
    }

    /** Wraps the shaded Netty logger factory, once; logs a warning if it cannot. */
    static synchronized void install() {
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
            LOG.warn("Cannot redact gRPC's HTTP/2 frame logs ({}); keep the logger "
                    + "io.grpc.netty.shaded.io.grpc.netty.NettyServerHandler below DEBUG, or it logs access tokens",
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
     * @param delegate a logger
     * @return a logger that logs {@link Http2Headers} arguments with their values allow-listed
     */
    static InternalLogger redacting(InternalLogger delegate) {
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
     * @param headers HTTP/2 headers
     * @return {@code Type[name: value, …]} with every value outside the allow-list replaced
     */
    static String forLog(Http2Headers headers) {
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
