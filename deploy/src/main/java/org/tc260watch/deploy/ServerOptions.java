package org.tc260watch.deploy;

import java.nio.file.Path;
import java.util.OptionalLong;

/**
 * Command line of {@link KafkaServerMain}.
 *
 * @param dataDir         where the broker keeps {@code server.properties}, its log dirs and {@code broker.pid}
 * @param port            PLAINTEXT listener port; 0 = pick a free one
 * @param controllerPort  KRaft controller listener port; 0 = pick a free one
 * @param exitOnStdinEof  exit when stdin reaches EOF, i.e. the parent process died or closed the pipe
 * @param parentPid       exit when this process is gone (for shell scripts, which cannot hold a pipe open)
 */
public record ServerOptions(Path dataDir, int port, int controllerPort, boolean exitOnStdinEof, OptionalLong parentPid) {

    static final String USAGE = "usage: KafkaServerMain --data-dir DIR [--port N] [--controller-port N]"
            + " [--exit-on-stdin-eof] [--parent-pid PID]";

    public static ServerOptions parse(String... args) {
        Path dataDir = null;
        int port = 0;
        int controllerPort = 0;
        boolean exitOnStdinEof = false;
        OptionalLong parentPid = OptionalLong.empty();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--data-dir" -> dataDir = Path.of(valueOf(args, ++i, arg));
                case "--port" -> port = portOf(valueOf(args, ++i, arg), arg);
                case "--controller-port" -> controllerPort = portOf(valueOf(args, ++i, arg), arg);
                case "--exit-on-stdin-eof" -> exitOnStdinEof = true;
                case "--parent-pid" -> parentPid = OptionalLong.of(pidOf(valueOf(args, ++i, arg)));
                default -> throw new IllegalArgumentException("unknown argument '" + arg + "'; " + USAGE);
            }
        }
        if (dataDir == null) {
            throw new IllegalArgumentException("--data-dir is required; " + USAGE);
        }
        if (port != 0 && port == controllerPort) {
            throw new IllegalArgumentException("--port and --controller-port must differ, both are " + port);
        }
        return new ServerOptions(dataDir.toAbsolutePath().normalize(), port, controllerPort, exitOnStdinEof, parentPid);
    }

    private static String valueOf(String[] args, int index, String option) {
        if (index >= args.length || args[index].startsWith("--")) {
            throw new IllegalArgumentException(option + " needs a value; " + USAGE);
        }
        return args[index];
    }

    private static int portOf(String value, String option) {
        try {
            int port = Integer.parseInt(value);
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException(option + " must be 0..65535, got " + value);
            }
            return port;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " must be a number, got '" + value + "'", e);
        }
    }

    private static long pidOf(String value) {
        try {
            long pid = Long.parseLong(value);
            if (pid <= 0) {
                throw new IllegalArgumentException("--parent-pid must be positive, got " + value);
            }
            return pid;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--parent-pid must be a number, got '" + value + "'", e);
        }
    }
}
