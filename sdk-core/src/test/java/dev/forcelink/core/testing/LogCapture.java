package dev.forcelink.core.testing;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.AppenderBase;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.LoggerFactory;

/**
 * Captures every log line (TRACE and up) for the duration of a test, so a test can assert what was
 * logged, and above all what was not (see {@link SecretAssertions}). Attaches a Logback appender to
 * the root logger and lowers the root level to TRACE; {@link #close()} restores both. Lines include
 * the level, logger, message, key-value pairs and, for a logged throwable, its full stack trace
 * with every cause's message.
 *
 * <p>Use it either as a JUnit 5 extension ({@code @RegisterExtension LogCapture logs = new
 * LogCapture();}) or with try-with-resources ({@code try (LogCapture logs = LogCapture.start())}).
 * Chatty third-party loggers (Jetty, WireMock, Apache HttpClient) that have no level of their own
 * are held at INFO meanwhile, so TRACE does not flood the test.
 *
 * <p>Thread-safe: lines logged from any thread are kept.
 */
public final class LogCapture implements AutoCloseable, BeforeEachCallback, AfterEachCallback {
  private static final String[] QUIET = {"org.eclipse.jetty", "wiremock", "com.github.tomakehurst",
      "org.apache.hc", "org.apache.http", "org.xmlunit", "com.networknt", "net.jqwik"};

  private final List<String> lines = new CopyOnWriteArrayList<>();
  private final Map<Logger, Level> saved = new HashMap<>();
  private Appender appender;

  /** Creates a capture; it starts in {@link #beforeEach} when used as an extension. */
  public LogCapture() {}

  /**
   * Starts capturing now.
   *
   * @return the running capture; close it to stop
   */
  public static LogCapture start() {
    LogCapture c = new LogCapture();
    c.attach();
    return c;
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    attach();
  }

  @Override
  public void afterEach(ExtensionContext context) {
    close();
  }

  /**
   * Returns every captured line so far, in order.
   *
   * @return a snapshot copy
   */
  public List<String> lines() {
    return new ArrayList<>(lines);
  }

  /**
   * Returns the captured lines at one level.
   *
   * @param level such as {@code "INFO"}
   * @return a snapshot copy
   */
  public List<String> linesAt(String level) {
    String prefix = level + " ";
    return lines.stream().filter(l -> l.startsWith(prefix)).collect(Collectors.toList());
  }

  /**
   * Returns the captured lines that contain a text.
   *
   * @param text the text
   * @return a snapshot copy
   */
  public List<String> linesContaining(String text) {
    return lines.stream().filter(l -> l.contains(text)).collect(Collectors.toList());
  }

  /** Forgets the lines captured so far. */
  public void clear() {
    lines.clear();
  }

  /** Stops capturing and restores the levels. Idempotent. */
  @Override
  public synchronized void close() {
    if (appender == null) {
      return;
    }
    Logger root = root();
    root.detachAppender(appender);
    appender.stop();
    appender = null;
    saved.forEach(Logger::setLevel);
    saved.clear();
  }

  private synchronized void attach() {
    if (appender != null) {
      return;
    }
    LoggerContext ctx = (LoggerContext) LoggerFactory.getILoggerFactory();
    Logger root = ctx.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    saved.put(root, root.getLevel());
    for (String name : QUIET) {
      Logger l = ctx.getLogger(name);
      if (l.getLevel() == null) {
        saved.put(l, null);
        l.setLevel(Level.INFO);
      }
    }
    root.setLevel(Level.TRACE);
    appender = new Appender(lines);
    appender.setContext(ctx);
    appender.setName("forcelink-log-capture");
    appender.start();
    root.addAppender(appender);
  }

  private static Logger root() {
    return (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
  }

  private static final class Appender extends AppenderBase<ILoggingEvent> {
    private final List<String> sink;

    Appender(List<String> sink) {
      this.sink = sink;
    }

    @Override
    protected void append(ILoggingEvent e) {
      StringBuilder sb = new StringBuilder()
          .append(e.getLevel()).append(' ')
          .append(e.getLoggerName()).append(" [").append(e.getThreadName()).append("] ")
          .append(e.getFormattedMessage());
      if (e.getKeyValuePairs() != null) {
        e.getKeyValuePairs().forEach(kv -> sb.append(' ').append(kv.key).append('=').append(kv.value));
      }
      if (!e.getMDCPropertyMap().isEmpty()) {
        sb.append(' ').append(e.getMDCPropertyMap());
      }
      if (e.getThrowableProxy() != null) {
        sb.append(System.lineSeparator()).append(ThrowableProxyUtil.asString(e.getThrowableProxy()));
      }
      sink.add(sb.toString());
    }
  }
}
