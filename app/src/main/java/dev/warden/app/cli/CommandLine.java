package dev.warden.app.cli;

import java.util.OptionalInt;

/**
 * The first word of the command line: none (only {@code --name=value} options) starts the service,
 * {@code db} runs the database CLI, {@code keys} the master key rotation. Spring would ignore any other word and start the whole service,
 * so a mistyped command is a usage error instead (exit code 2) that lists the commands there are.
 */
public final class CommandLine {

    static final String USAGE = """
            usage: warden [--roles=command,query] [--<setting>=<value> ...]   run the service
                   warden db migrate|seed|info                                the database chores
                   warden keys rotate-master [--new-key-file=PATH]            re-wrap the data keys""";

    private CommandLine() {
    }

    /** The exit code of the command {@code args} name, or empty when they start the service. */
    public static OptionalInt run(String[] args) {
        if (args.length > 0 && args[0].equals("db")) {
            return OptionalInt.of(DatabaseCli.run(args));
        }
        if (args.length > 0 && args[0].equals("keys")) {
            return OptionalInt.of(KeysCli.run(args));
        }
        for (String arg : args) {
            if (!arg.startsWith("--")) {
                System.err.println("warden: unknown command '" + arg + "'");
                System.err.println(USAGE);
                return OptionalInt.of(2);
            }
        }
        return OptionalInt.empty();
    }
}
