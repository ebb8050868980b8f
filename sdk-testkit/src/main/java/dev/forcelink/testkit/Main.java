package dev.forcelink.testkit;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the emulator on its own: {@code java -jar forcelink-emulator.jar [--http-port N] [--grpc-port N] [--tls]
 * [--schema FILE]}. When ready it prints one {@code NAME=value} line per setting ({@code FORCELINK_INSTANCE_URL},
 * {@code FORCELINK_ACCESS_TOKEN}, …) and serves until the process is stopped. Bad arguments print the usage and
 * exit with status 2.
 */
public final class Main {

    static final String USAGE = String.join(System.lineSeparator(),
            "Usage: java -jar forcelink-emulator.jar [options]",
            "  --http-port N   HTTP(S) port on 127.0.0.1 (default 0: a free port)",
            "  --grpc-port N   Pub/Sub gRPC port (default 0: a free port)",
            "  --tls           serve HTTPS with a self-signed certificate (its PEM path is printed)",
            "  --schema FILE   JSON file declaring extra objects and fields",
            "  --help          print this help",
            "On start it prints FORCELINK_INSTANCE_URL, FORCELINK_LOGIN_URL, FORCELINK_PUBSUB_ADDRESS, FORCELINK_ORG_ID,",
            "FORCELINK_USER_ID, FORCELINK_USERNAME, FORCELINK_PASSWORD, FORCELINK_CLIENT_ID, FORCELINK_CLIENT_SECRET,",
            "FORCELINK_ACCESS_TOKEN (and FORCELINK_TLS_CERT with --tls) as NAME=value lines, then runs until stopped.");

    private Main() {
    }

    /**
     * Starts the emulator and blocks until the JVM shuts down.
     *
     * @param args the command-line arguments
     */
    public static void main(String[] args) {
        SalesforceEmulator emulator;
        try {
            emulator = start(args, System.out);
        } catch (UsageException e) {
            if (e.getMessage() == null) {
                System.out.println(USAGE);
                System.exit(0);
            }
            System.err.println("forcelink-emulator: " + e.getMessage());
            System.err.println(USAGE);
            System.exit(2);
            return;
        } catch (EmulatorException e) {
            System.err.println("forcelink-emulator: " + e.getMessage());
            System.exit(1);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            emulator.close();
            stopped.countDown();
        }, "forcelink-emulator-shutdown"));
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Parses the arguments, starts the emulator and prints the settings.
     *
     * @param args the command-line arguments
     * @param out where the {@code NAME=value} lines go
     * @return the running emulator
     * @throws UsageException for bad arguments, or with a null message for {@code --help}
     * @throws EmulatorException if the emulator cannot start
     */
    static SalesforceEmulator start(String[] args, PrintStream out) {
        SalesforceEmulator.Builder builder = parse(args);
        SalesforceEmulator emulator = builder.start();
        try {
            print(out, "FORCELINK_INSTANCE_URL", emulator.instanceUrl());
            print(out, "FORCELINK_LOGIN_URL", emulator.loginUrl());
            print(out, "FORCELINK_PUBSUB_ADDRESS", emulator.pubSubAddress());
            print(out, "FORCELINK_ORG_ID", emulator.orgId());
            print(out, "FORCELINK_USER_ID", emulator.userId());
            print(out, "FORCELINK_USERNAME", emulator.username());
            print(out, "FORCELINK_PASSWORD", emulator.password());
            print(out, "FORCELINK_CLIENT_ID", emulator.clientId());
            print(out, "FORCELINK_CLIENT_SECRET", emulator.clientSecret());
            print(out, "FORCELINK_ACCESS_TOKEN", emulator.issueAccessToken());
            if (isTls(args)) {
                print(out, "FORCELINK_TLS_CERT", emulator.certificatePemPath().toString());
            }
            out.flush();
            return emulator;
        } catch (RuntimeException e) {
            emulator.close();
            throw e;
        }
    }

    static SalesforceEmulator.Builder parse(String[] args) {
        SalesforceEmulator.Builder builder = SalesforceEmulator.builder();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--help":
                case "-h":
                    throw new UsageException(null);
                case "--tls":
                    builder.tls(true);
                    break;
                case "--http-port":
                    builder.httpPort(port(arg, value(args, ++i, arg)));
                    break;
                case "--grpc-port":
                    builder.grpcPort(port(arg, value(args, ++i, arg)));
                    break;
                case "--schema":
                    Path file = Path.of(value(args, ++i, arg));
                    if (!Files.isRegularFile(file)) {
                        throw new UsageException("schema file not found: " + file);
                    }
                    try {
                        builder.schema(file);
                    } catch (EmulatorException e) {
                        throw new UsageException(e.getMessage());
                    }
                    break;
                default:
                    throw new UsageException("unknown argument: " + arg);
            }
        }
        return builder;
    }

    private static boolean isTls(String[] args) {
        for (String arg : args) {
            if (arg.equals("--tls")) {
                return true;
            }
        }
        return false;
    }

    private static String value(String[] args, int index, String option) {
        if (index >= args.length) {
            throw new UsageException(option + " needs a value");
        }
        return args[index];
    }

    private static int port(String option, String text) {
        try {
            int port = Integer.parseInt(text);
            if (port < 0 || port > 65_535) {
                throw new UsageException(option + " must be 0 to 65535, got " + text);
            }
            return port;
        } catch (NumberFormatException e) {
            throw new UsageException(option + " must be a number, got " + text);
        }
    }

    private static void print(PrintStream out, String name, String value) {
        out.println(name + "=" + value);
    }

    /** Bad command-line arguments; a null message means help was asked for. */
    static final class UsageException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message);
        }
    }
}
