package org.caseload.cli;

import java.io.PrintWriter;
import org.caseload.engine.query.RequestException;
import org.caseload.model.ModelException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code caseload} command. Exit codes: 0 ok, 2 bad input (flags, model, request), 1 runtime
 * failure. Messages go to stderr; stdout carries only results, so it can be piped.
 */
@Command(name = "caseload", mixinStandardHelpOptions = true, version = "caseload 0.1.0",
        description = "Operations analytics for clinics: throughput, efficiency and staff cost.",
        subcommands = {QueryCommand.class, ScoresCommand.class, OutliersCommand.class, MetricsCommand.class, ValidateCommand.class, SchemaCommand.class,
                DemoDataCommand.class, DemoCommand.class, ImportCommand.class, WarmupCommand.class, CommandLine.HelpCommand.class})
public final class Main {
    public static final int OK = 0;
    public static final int RUNTIME_FAILURE = 1;
    public static final int BAD_INPUT = 2;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    public static int run(String... args) {
        CommandLine cli = new CommandLine(new Main());
        cli.setParameterExceptionHandler((e, a) -> {
            PrintWriter err = e.getCommandLine().getErr();
            err.println("caseload: " + e.getMessage());
            CommandLine.UnmatchedArgumentException.printSuggestions(e, err);
            err.println("(see: caseload " + e.getCommandLine().getCommandName() + " --help)");
            return BAD_INPUT;
        });
        cli.setExecutionExceptionHandler((e, c, parsed) -> {
            PrintWriter err = c.getErr();
            if (e instanceof RequestException r) {
                err.println("caseload: " + flagOf(r.field()) + ": " + r.describe());
                return BAD_INPUT;
            }
            if (e instanceof ModelException m) {
                m.problems().forEach(p -> err.println(p));
                return BAD_INPUT;
            }
            if (e instanceof BadInputException b) {
                err.println("caseload: " + b.getMessage());
                return BAD_INPUT;
            }
            err.println("caseload: " + (e.getMessage() != null ? e.getMessage() : e.toString()));
            if (System.getenv("CASELOAD_DEBUG") != null) e.printStackTrace(err);
            return RUNTIME_FAILURE;
        });
        return cli.execute(args);
    }

    /** The command-line flag a request field came from, so errors point at what the user typed. */
    static String flagOf(String field) {
        String base = field.replaceAll("\\[.*", "");
        return switch (base) {
            case "metrics" -> "--metrics";
            case "dimensions" -> "--by";
            case "filters" -> "--filter";
            case "having" -> "--having";
            case "score" -> "--score";
            case "order" -> "--order";
            default -> "--" + base;
        };
    }
}
