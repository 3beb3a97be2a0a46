package org.caseload.app;

import java.io.Console;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.UnaryOperator;
import org.caseload.app.system.StartupChecks;
import org.caseload.app.user.Role;
import org.caseload.app.user.UserService;
import org.caseload.cli.Main;
import org.caseload.engine.execute.Databases;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The verbs that need the application: {@code serve}, {@code demo} (which serves), and
 * {@code user add}. The launcher sends them here and every other verb to the fast CLI.
 */
@Command(name = "caseload", subcommands = {AppMain.Serve.class, AppMain.Demo.class, AppMain.UserCommand.class})
public final class AppMain {
    public static void main(String[] args) {
        // jOOQ's banner and tips are noise in a server log.
        System.setProperty("org.jooq.no-logo", "true");
        System.setProperty("org.jooq.no-tips", "true");
        CommandLine cli = new CommandLine(new AppMain());
        cli.setExecutionExceptionHandler((e, c, parsed) -> {
            Throwable root = e;
            while (root.getCause() != null && !(root instanceof StartupChecks.NoAdminException)) root = root.getCause();
            c.getErr().println("caseload: " + root.getMessage());
            return root instanceof StartupChecks.NoAdminException || root instanceof IllegalArgumentException ? Main.BAD_INPUT : Main.RUNTIME_FAILURE;
        });
        int exit = cli.execute(args);
        // A started server keeps the JVM alive on its own threads; everything else ends here.
        if (exit != 0 || !serving) {
            System.exit(exit);
        }
    }

    private static volatile boolean serving;

    /**
     * The Spring Boot arguments {@code caseload serve ARGS} runs the application with, the
     * {@code CASELOAD_*} variables read from {@code environment}: for embedding the app, and for tests
     * of the command line.
     */
    public static List<String> serveArgs(UnaryOperator<String> environment, String... args) {
        Serve serve = new Serve();
        new CommandLine(serve).parseArgs(args);
        return serve.springArgs(environment);
    }

    /** The app database from {@code --app-db}, with credentials from the environment (never from flags). */
    static List<String> appDbArgs(String url) {
        List<String> args = new ArrayList<>();
        if (url == null) return args;
        args.add("--spring.datasource.url=" + url);
        String user = System.getenv("CASELOAD_APP_DB_USER");
        String password = System.getenv("CASELOAD_APP_DB_PASSWORD");
        if (user != null) args.add("--spring.datasource.username=" + user);
        if (password != null) args.add("--spring.datasource.password=" + password);
        return args;
    }

    static class AppOptions {
        @Option(names = "--db", paramLabel = "PATH", defaultValue = "data/caseload.duckdb", description = "Analytics DuckDB file (default: ${DEFAULT-VALUE}).")
        Path db;

        @Option(names = "--app-db", paramLabel = "URL", description = "App database JDBC URL (default: the H2 file ./data/app).")
        String appDb;

        List<String> springArgs() {
            List<String> args = new ArrayList<>();
            args.add("--caseload.analytics.db=" + db);
            args.addAll(appDbArgs(appDb));
            return args;
        }
    }

    /**
     * The analytics database on a server, from {@code --url} / {@code --user} or, when not given,
     * {@code CASELOAD_ANALYTICS_URL} / {@code CASELOAD_ANALYTICS_USER}; the password only from
     * {@code CASELOAD_ANALYTICS_PASSWORD}, never from a flag other users of the machine could read.
     * Empty without a URL (the DuckDB file of {@code --db} is used).
     */
    static List<String> analyticsServerArgs(String url, String user, UnaryOperator<String> environment) {
        String jdbcUrl = blank(url) ? environment.apply("CASELOAD_ANALYTICS_URL") : url;
        if (blank(jdbcUrl)) return List.of();
        jdbcUrl = jdbcUrl.trim();
        try {
            Databases.dialectOf(jdbcUrl);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--url: " + e.getMessage());
        }
        List<String> args = new ArrayList<>();
        args.add("--caseload.analytics.url=" + jdbcUrl);
        String name = blank(user) ? environment.apply("CASELOAD_ANALYTICS_USER") : user;
        if (!blank(name)) args.add("--caseload.analytics.user=" + name.trim());
        String password = environment.apply("CASELOAD_ANALYTICS_PASSWORD");
        if (password != null) args.add("--caseload.analytics.password=" + password);
        return args;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    @Command(name = "serve", description = "Serve the web application.")
    static class Serve implements Callable<Integer> {
        @Option(names = "--port", defaultValue = "8080", description = "HTTP port (default: ${DEFAULT-VALUE}).")
        int port;

        @Option(names = "--demo", description = "Demo mode: the login page shows the demo credentials (demo/demo, admin).")
        boolean demo;

        @Option(names = "--url", paramLabel = "JDBC_URL", description = "Analytics database on a server instead of --db:"
                + " jdbc:postgresql://…, jdbc:mariadb://… or jdbc:mysql://… (default: $CASELOAD_ANALYTICS_URL)."
                + " Password from $CASELOAD_ANALYTICS_PASSWORD.")
        String url;

        @Option(names = "--user", paramLabel = "NAME", description = "User for --url (default: $CASELOAD_ANALYTICS_USER).")
        String user;

        @CommandLine.Mixin
        AppOptions options = new AppOptions();

        /** The Spring Boot arguments this command runs the application with. */
        List<String> springArgs(UnaryOperator<String> environment) {
            List<String> server = analyticsServerArgs(url, user, environment);
            if (server.isEmpty() && !Files.exists(options.db)) {
                throw new IllegalArgumentException("--db: no analytics database at " + options.db
                        + " — run `caseload demo` or `caseload demo-data`, or serve a server's with --url JDBC_URL");
            }
            List<String> args = options.springArgs();
            args.addAll(server);
            args.add("--server.port=" + port);
            args.add("--caseload.demo=" + demo);
            return args;
        }

        /** Where the CASELOAD_ANALYTICS_* defaults come from; `demo` serves its own DuckDB file whatever they say. */
        UnaryOperator<String> environment = System::getenv;

        @Override
        public Integer call() {
            SpringApplication.run(CaseloadApplication.class, springArgs(environment).toArray(String[]::new));
            serving = true;
            return 0;
        }
    }

    @Command(name = "demo", description = "Create demo data if absent, then serve the app in demo mode.")
    static class Demo implements Callable<Integer> {
        @Option(names = "--port", defaultValue = "8080", description = "HTTP port (default: ${DEFAULT-VALUE}).")
        int port;

        @CommandLine.Mixin
        AppOptions options = new AppOptions();

        @Override
        public Integer call() throws Exception {
            int printed = Main.run("demo", "--db", options.db.toString());
            if (printed != 0) return printed;
            System.out.println();
            System.out.println("Serving Caseload on http://localhost:" + port + "/ — sign in as demo / demo (Ctrl-C to stop).");
            Serve serve = new Serve();
            serve.port = port;
            serve.demo = true;
            serve.options = options;
            serve.environment = name -> null;
            return serve.call();
        }
    }

    @Command(name = "user", description = "Manage users.", subcommands = UserCommand.Add.class)
    static class UserCommand {
        @Command(name = "add", description = "Create a user; the password is read from the terminal or CASELOAD_PASSWORD.")
        static class Add implements Callable<Integer> {
            @Parameters(paramLabel = "NAME")
            String name;

            @Option(names = "--role", required = true, description = "ADMIN, ANALYST or MANAGER.")
            Role role;

            @Option(names = "--locations", split = ",", paramLabel = "id,...", description = "Granted location ids (MANAGER).")
            List<String> locations = new ArrayList<>();

            @Option(names = "--app-db", paramLabel = "URL", description = "App database JDBC URL (default: the H2 file ./data/app).")
            String appDb;

            @Override
            public Integer call() {
                String password = password();
                List<String> args = new ArrayList<>(List.of("--spring.main.lazy-initialization=true"));
                args.addAll(appDbArgs(appDb));
                // Lazy, without the web server and startup checks: only the user service and the app database start.
                SpringApplication app = new SpringApplication(CaseloadApplication.class);
                app.setWebApplicationType(WebApplicationType.NONE);
                app.setAdditionalProfiles("users");
                try (ConfigurableApplicationContext ctx = app.run(args.toArray(String[]::new))) {
                    ctx.getBean(UserService.class).create(name, password, role, new LinkedHashSet<>(locations));
                }
                System.out.println("created user " + name + " (" + role + (locations.isEmpty() ? "" : ", locations " + String.join(",", locations)) + ")");
                return 0;
            }

            private static String password() {
                String env = System.getenv("CASELOAD_PASSWORD");
                if (env != null && !env.isEmpty()) return env;
                Console console = System.console();
                if (console == null) {
                    throw new IllegalArgumentException("no password: set CASELOAD_PASSWORD or run on a terminal");
                }
                char[] first = console.readPassword("password: ");
                char[] second = console.readPassword("again: ");
                if (first == null || !Arrays.equals(first, second) || first.length == 0) {
                    throw new IllegalArgumentException("the passwords differ or are empty");
                }
                return new String(first);
            }
        }
    }
}
