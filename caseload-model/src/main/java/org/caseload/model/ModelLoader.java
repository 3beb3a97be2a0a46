package org.caseload.model;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.caseload.model.expr.Expr;
import org.caseload.model.expr.ExprParser;
import org.caseload.model.expr.ExprSyntaxException;
import org.caseload.model.expr.Exprs;
import org.caseload.model.warehouse.Column;
import org.caseload.model.warehouse.Table;
import org.caseload.model.warehouse.WarehouseSchema;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.reader.ReaderException;

/**
 * Loads a YAML model into a {@link SemanticModel}, or throws a {@link ModelException} listing every
 * problem with file:line:column and, for misspelt names, a suggestion. The file format is described
 * by {@code caseload-model.schema.json} next to this class.
 */
public final class ModelLoader {
    /** The default model shipped with Caseload. */
    public static final String DEFAULT_RESOURCE = "clinic.yaml";

    private static final Set<String> TOP_KEYS = Set.of("name", "currency", "facts", "dimensions", "metrics", "scores");
    private static final Set<String> FACT_KEYS = Set.of("table", "time", "joins", "measures", "description");
    private static final Set<String> JOIN_KEYS = Set.of("table", "from", "on");
    private static final Set<String> MEASURE_KEYS = Set.of("agg", "expr", "filter", "percentile", "description");
    private static final Set<String> DIMENSION_KEYS = Set.of("label", "description", "table", "key", "display");
    private static final Set<String> METRIC_KEYS =
            Set.of("label", "description", "format", "direction", "measure", "formula");
    private static final Set<String> FORMULA_FUNCTIONS = Set.of("coalesce", "nullif", "abs", "round", "greatest", "least");

    private final String file;
    private final List<Problem> problems = new ArrayList<>();
    private final YamlNodes nodes;

    private ModelLoader(String file, String text) {
        this.file = file;
        this.nodes = new YamlNodes(file, text, problems);
    }

    public static SemanticModel loadDefault() {
        try (InputStream in = ModelLoader.class.getResourceAsStream(DEFAULT_RESOURCE)) {
            return parse(DEFAULT_RESOURCE, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static SemanticModel load(Path path) {
        try {
            return parse(path.toString(), Files.readString(path));
        } catch (NoSuchFileException e) {
            throw new ModelException(List.of(Problem.of(SourceLocation.unknown(path.toString()), "no such file")));
        } catch (IOException e) {
            throw new ModelException(List.of(Problem.of(SourceLocation.unknown(path.toString()),
                    "cannot read: " + e.getMessage())));
        }
    }

    public static SemanticModel parse(String file, String text) {
        return new ModelLoader(file, text).read(text);
    }

    /** The JSON Schema of the model format, for editors. */
    public static String jsonSchema() {
        try (InputStream in = ModelLoader.class.getResourceAsStream("caseload-model.schema.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private SemanticModel read(String text) {
        Node root;
        try {
            LoaderOptions options = new LoaderOptions();
            options.setAllowDuplicateKeys(false);
            root = new Yaml(options).compose(new StringReader(text));
        } catch (MarkedYAMLException e) {
            var mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            SourceLocation where = mark == null ? SourceLocation.unknown(file)
                    : new SourceLocation(file, mark.getLine() + 1, mark.getColumn() + 1);
            var context = e.getContextMark();
            // "found unexpected end of stream" alone does not say which quote was left open: say where it began.
            String started = e.getContext() == null || context == null || context == mark ? ""
                    : " (" + e.getContext() + " started at line " + (context.getLine() + 1) + ", column "
                            + (context.getColumn() + 1) + ")";
            throw new ModelException(List.of(Problem.of(where, "bad YAML: " + e.getProblem() + started)));
        } catch (ReaderException e) {
            int at = Math.min(e.getPosition(), text.codePointCount(0, text.length()));
            String before = text.substring(0, text.offsetByCodePoints(0, at));
            int line = (int) before.chars().filter(c -> c == '\n').count() + 1;
            int column = before.codePointCount(before.lastIndexOf('\n') + 1, before.length()) + 1;
            throw new ModelException(List.of(Problem.of(new SourceLocation(file, line, column), String.format(
                    "bad YAML: character U+%04X is not allowed in YAML (%s)", e.getCodePoint(), e.getMessage()))));
        } catch (YAMLException e) {
            throw new ModelException(List.of(Problem.of(SourceLocation.unknown(file), "bad YAML: " + e.getMessage())));
        }
        if (root == null) {
            throw new ModelException(List.of(Problem.of(SourceLocation.unknown(file), "the model file is empty")));
        }
        Map<String, Node> top = nodes.mapping(root, "the model", TOP_KEYS).orElseThrow(this::failure);
        String name = nodes.optionalScalar(top, "name", "the model").orElse("model");
        String currency = nodes.optionalScalar(top, "currency", "the model").orElse("USD");
        if (!currency.matches("[A-Z]{3}") || !Format.isCurrencyCode(currency)) {
            nodes.problem(top.get("currency"), "currency must be an ISO 4217 code such as USD or EUR");
        }

        Map<String, Fact> facts = new LinkedHashMap<>();
        Map<String, Measure> measures = new LinkedHashMap<>();
        Node factsNode = top.get("facts");
        if (factsNode == null) {
            nodes.problem(root, "the model needs 'facts'");
        } else {
            nodes.namedEntries(factsNode, "facts").forEach((n, node) -> readFact(n, node, facts, measures));
        }
        Map<String, Dimension> dimensions = new LinkedHashMap<>();
        Optional.ofNullable(top.get("dimensions")).ifPresent(d -> nodes.namedEntries(d, "dimensions")
                .forEach((n, node) -> readDimension(n, node, facts).ifPresent(dim -> dimensions.put(n, dim))));
        Map<String, Metric> metrics = new LinkedHashMap<>();
        Map<String, ScalarNode> formulaNodes = new LinkedHashMap<>();
        Optional.ofNullable(top.get("metrics")).ifPresent(m -> nodes.namedEntries(m, "metrics")
                .forEach((n, node) -> readMetric(n, node, currency, formulaNodes)
                        .ifPresent(metric -> metrics.put(n, metric))));
        checkMetricReferences(metrics, measures, formulaNodes);
        Map<String, Score> scores = Optional.ofNullable(top.get("scores"))
                .map(s -> new ScoreReader(nodes, metrics, dimensions).read(s)).orElse(Map.of());
        if (!problems.isEmpty()) {
            throw failure();
        }
        return new SemanticModel(name, file, currency, facts, measures, metrics, dimensions, scores);
    }

    private ModelException failure() {
        return new ModelException(problems);
    }

    private void readFact(String name, Node node, Map<String, Fact> facts, Map<String, Measure> measures) {
        String what = "fact '" + name + "'";
        Map<String, Node> map = nodes.mapping(node, what, FACT_KEYS).orElse(null);
        if (map == null) return;
        Optional<Table> table = nodes.requiredScalar(map, node, "table", what).flatMap(t -> warehouseTable(t, map.get("table")));
        if (table.isEmpty()) return;
        Optional<String> time = nodes.requiredScalar(map, node, "time", what);
        time.ifPresent(t -> {
            Optional<Column> c = table.get().column(t);
            if (c.isEmpty()) {
                nodes.problem(map.get("time"), "no column '" + t + "' in table " + table.get().name(),
                        Suggestions.didYouMean(t, table.get().columnNames()));
            } else if (c.get().type() != org.caseload.model.warehouse.ColumnType.TIMESTAMP) {
                nodes.problem(map.get("time"), "time column '" + t + "' must be a timestamp, not " + c.get().type());
            }
        });
        List<Join> joins = new ArrayList<>();
        Optional.ofNullable(map.get("joins")).ifPresent(j -> nodes.sequence(j, what + " joins")
                .forEach(jn -> readJoin(jn, what, table.get(), joins)));
        Fact fact = new Fact(name, table.get().name(), time.orElse(""), joins, nodes.at(node));
        facts.put(name, fact);
        Optional.ofNullable(map.get("measures")).ifPresent(m -> nodes.namedEntries(m, what + " measures")
                .forEach((mn, mnode) -> {
                    if (measures.containsKey(mn)) {
                        nodes.problem(mnode, "measure '" + mn + "' is already defined in fact '"
                                + measures.get(mn).fact() + "'; measure names are global");
                    } else {
                        readMeasure(mn, mnode, fact).ifPresent(ms -> measures.put(mn, ms));
                    }
                }));
    }

    private void readJoin(Node node, String factWhat, Table factTable, List<Join> joins) {
        String what = "a join of " + factWhat;
        Map<String, Node> map = nodes.mapping(node, what, JOIN_KEYS).orElse(null);
        if (map == null) return;
        Optional<Table> target = nodes.requiredScalar(map, node, "table", what).flatMap(t -> warehouseTable(t, map.get("table")));
        String from = nodes.optionalScalar(map, "from", what).orElse(factTable.name());
        Optional<String> on = nodes.requiredScalar(map, node, "on", what);
        if (target.isEmpty() || on.isEmpty()) return;
        List<String> reachable = new ArrayList<>(List.of(factTable.name()));
        joins.forEach(j -> reachable.add(j.table()));
        if (!reachable.contains(from)) {
            nodes.problem(map.get("from"), "join from '" + from + "', which is neither the fact table nor joined before",
                    Suggestions.didYouMean(from, reachable));
            return;
        }
        if (reachable.contains(target.get().name())) {
            nodes.problem(map.get("table"), "table '" + target.get().name() + "' is joined twice");
            return;
        }
        Table fromTable = WarehouseSchema.table(from).orElseThrow();
        if (fromTable.column(on.get()).isEmpty()) {
            nodes.problem(map.get("on"), "no column '" + on.get() + "' in table " + from,
                    Suggestions.didYouMean(on.get(), fromTable.columnNames()));
            return;
        }
        joins.add(new Join(target.get().name(), from, on.get(), nodes.at(node)));
    }

    private Optional<Measure> readMeasure(String name, Node node, Fact fact) {
        String what = "measure '" + name + "'";
        Map<String, Node> map = nodes.mapping(node, what, MEASURE_KEYS).orElse(null);
        if (map == null) return Optional.empty();
        Optional<Aggregation> agg = nodes.requiredScalar(map, node, "agg", what).flatMap(a -> {
            for (Aggregation x : Aggregation.values()) {
                if (x.yamlName().equals(a)) return Optional.of(x);
            }
            List<String> names = java.util.Arrays.stream(Aggregation.values()).map(Aggregation::yamlName).toList();
            nodes.problem(map.get("agg"), "unknown aggregation '" + a + "'",
                    Suggestions.didYouMean(a, names).or(() -> Optional.of("one of " + String.join(", ", names))));
            return Optional.empty();
        });
        Optional<Expr> expr = expression(map.get("expr"), what).map(e -> checkColumns(e, map.get("expr"), fact.table(), fact));
        Optional<Expr> filter = expression(map.get("filter"), what).map(e -> checkColumns(e, map.get("filter"), fact.table(), fact));
        Optional<Double> percentile = Optional.empty();
        if (map.containsKey("percentile")) {
            percentile = nodes.scalar(map.get("percentile"), "percentile").flatMap(p -> {
                try {
                    double v = Double.parseDouble(p);
                    if (v > 0 && v < 1) return Optional.of(v);
                } catch (NumberFormatException ignored) {
                    // reported below
                }
                nodes.problem(map.get("percentile"), "percentile must be a number between 0 and 1 (exclusive), e.g. 0.9");
                return Optional.empty();
            });
        }
        if (agg.isEmpty()) return Optional.empty();
        if (agg.get() != Aggregation.COUNT && !map.containsKey("expr")) {
            nodes.problem(node, what + " with agg " + agg.get().yamlName() + " needs 'expr'");
        }
        if (agg.get() == Aggregation.PERCENTILE && !map.containsKey("percentile")) {
            nodes.problem(node, what + " with agg percentile needs 'percentile' (e.g. 0.9)");
        }
        if (agg.get() != Aggregation.PERCENTILE && map.containsKey("percentile")) {
            nodes.problem(map.get("percentile"), "'percentile' only applies to agg percentile");
        }
        return Optional.of(new Measure(name, fact.name(), agg.get(), expr, filter, percentile, nodes.at(node)));
    }

    private Optional<Dimension> readDimension(String name, Node node, Map<String, Fact> facts) {
        String what = "dimension '" + name + "'";
        Map<String, Node> map = nodes.mapping(node, what, DIMENSION_KEYS).orElse(null);
        if (map == null) return Optional.empty();
        if (Grain.parse(name).isPresent() || name.equals("time")) {
            nodes.problem(node, "'" + name + "' is reserved for the time dimension; choose another name");
        }
        String label = nodes.requiredScalar(map, node, "label", what).orElse(name);
        String description = nodes.requiredScalar(map, node, "description", what).orElse("");
        Optional<Table> table = nodes.requiredScalar(map, node, "table", what).flatMap(t -> warehouseTable(t, map.get("table")));
        if (table.isEmpty()) return Optional.empty();
        Optional<Expr> key = nodes.requiredScalar(map, node, "key", what).isPresent()
                ? expression(map.get("key"), what) : Optional.empty();
        Optional<Expr> display = expression(map.get("display"), what);
        key = key.map(k -> checkColumns(k, map.get("key"), table.get().name(), null));
        display = display.map(d -> checkColumns(d, map.get("display"), table.get().name(), null));
        if (key.isEmpty()) return Optional.empty();
        if (display.isPresent() && !isPrimaryKey(key.get(), table.get())) {
            // Labels are looked up after aggregation by joining the table on its primary key.
            nodes.problem(map.get("key"), what + " has a display label, so its key must be the primary key of "
                    + table.get().name() + " ('" + table.get().primaryKey() + "')");
        }
        Dimension dim = new Dimension(name, label, description, table.get().name(), key.get(), display, nodes.at(node));
        if (facts.values().stream().noneMatch(f -> f.reachableTables().containsAll(tablesOf(dim)))) {
            nodes.problem(node, what + " is reachable from no fact: no fact joins " + String.join(" and ", tablesOf(dim)));
        }
        return Optional.of(dim);
    }

    private static boolean isPrimaryKey(Expr key, Table table) {
        return key instanceof Expr.Ref r && r.table().map(table.name()::equals).orElse(true)
                && r.name().equals(table.primaryKey());
    }

    /** Tables a dimension's expressions read. */
    public static Set<String> tablesOf(Dimension d) {
        Set<String> tables = new java.util.LinkedHashSet<>();
        tables.add(d.table());
        Exprs.refs(d.key()).forEach(r -> tables.add(r.table().orElse(d.table())));
        d.display().ifPresent(x -> Exprs.refs(x).forEach(r -> tables.add(r.table().orElse(d.table()))));
        return tables;
    }

    private Optional<Metric> readMetric(String name, Node node, String currency, Map<String, ScalarNode> formulaNodes) {
        String what = "metric '" + name + "'";
        Map<String, Node> map = nodes.mapping(node, what, METRIC_KEYS).orElse(null);
        if (map == null) return Optional.empty();
        String label = nodes.requiredScalar(map, node, "label", what).orElse(name);
        String description = nodes.requiredScalar(map, node, "description", what).orElse("");
        Format format = nodes.requiredScalar(map, node, "format", what).flatMap(f -> {
            Optional<Format> parsed = Format.parse(f, currency);
            if (parsed.isEmpty()) {
                nodes.problem(map.get("format"), "unknown format '" + f + "'",
                        Suggestions.didYouMean(f, List.of("integer", "decimal_2", "percent_1", "currency", "minutes"))
                                .or(() -> Optional.of("one of integer, decimal_N, percent_N, currency, currency_XXX, minutes")));
            }
            return parsed;
        }).orElse(Format.INTEGER);
        Direction direction = nodes.optionalScalar(map, "direction", what).flatMap(d -> {
            for (Direction x : Direction.values()) {
                if (x.yamlName().equals(d)) return Optional.of(x);
            }
            List<String> names = java.util.Arrays.stream(Direction.values()).map(Direction::yamlName).toList();
            nodes.problem(map.get("direction"), "unknown direction '" + d + "'",
                    Suggestions.didYouMean(d, names).or(() -> Optional.of("one of " + String.join(", ", names))));
            return Optional.empty();
        }).orElse(Direction.NEUTRAL);
        Optional<String> measure = nodes.optionalScalar(map, "measure", what);
        Optional<String> formulaText = nodes.optionalScalar(map, "formula", what);
        Optional<Expr> formula = expression(map.get("formula"), what);
        if (measure.isPresent() == map.containsKey("formula")) {
            nodes.problem(node, what + " needs exactly one of 'measure' or 'formula'");
            return Optional.empty();
        }
        if (map.get("formula") instanceof ScalarNode s) {
            formulaNodes.put(name, s);
        }
        if (map.containsKey("formula") && formula.isEmpty()) return Optional.empty();
        return Optional.of(new Metric(name, label, description, format, direction, measure, formula, formulaText,
                nodes.at(node)));
    }

    /** Measures exist; formulas use only names, numbers, arithmetic and a few functions; no cycles. */
    private void checkMetricReferences(Map<String, Metric> metrics, Map<String, Measure> measures,
                                       Map<String, ScalarNode> formulaNodes) {
        Set<String> known = new java.util.TreeSet<>(metrics.keySet());
        known.addAll(measures.keySet());
        for (Metric m : metrics.values()) {
            m.measure().ifPresent(ms -> {
                if (!measures.containsKey(ms)) {
                    problems.add(Problem.of(m.location(), "metric '" + m.name() + "' uses unknown measure '" + ms + "'",
                            Suggestions.didYouMean(ms, measures.keySet())));
                }
            });
            m.formula().ifPresent(f -> {
                ScalarNode node = formulaNodes.get(m.name());
                Exprs.walk(f, e -> {
                    String bad = formulaNodeProblem(e);
                    if (bad != null) {
                        problems.add(Problem.of(nodes.inText(node, e.offset()), bad));
                    }
                });
                for (Expr.Ref r : Exprs.refs(f)) {
                    if (r.table().isPresent() || !known.contains(r.name())) {
                        problems.add(Problem.of(nodes.inText(node, r.offset()), "formula of metric '" + m.name()
                                + "' refers to unknown metric or measure '" + r.qualified() + "'",
                                Suggestions.didYouMean(r.qualified(), known)));
                    }
                }
            });
        }
        // Cycles: depth-first search over formula references, reporting each cycle once at its first metric.
        Set<String> done = new HashSet<>();
        for (Metric m : metrics.values()) {
            findCycle(m.name(), metrics, new ArrayList<>(), done).ifPresent(cycle -> problems.add(Problem.of(
                    metrics.get(cycle.get(0)).location(), "formulas form a cycle: " + String.join(" → ", cycle))));
        }
    }

    private static String formulaNodeProblem(Expr e) {
        if (e instanceof Expr.Ref || e instanceof Expr.Number || e instanceof Expr.Negate) return null;
        if (e instanceof Expr.Binary b) {
            return switch (b.op()) {
                case ADD, SUB, MUL, DIV -> null;
                default -> "formulas combine metrics with + - * / only; conditions belong in a measure's filter";
            };
        }
        if (e instanceof Expr.Call c) {
            return FORMULA_FUNCTIONS.contains(c.function()) ? null
                    : "function " + c.function() + " is not allowed in formulas; allowed: " + String.join(", ", new java.util.TreeSet<>(FORMULA_FUNCTIONS));
        }
        return "formulas combine metrics with + - * / and numbers only; put conditions and columns in a measure";
    }

    private static Optional<List<String>> findCycle(String name, Map<String, Metric> metrics, List<String> path,
                                                    Set<String> done) {
        if (path.contains(name)) {
            List<String> cycle = new ArrayList<>(path.subList(path.indexOf(name), path.size()));
            cycle.add(name);
            return Optional.of(cycle);
        }
        Metric m = metrics.get(name);
        if (m == null || m.formula().isEmpty() || done.contains(name)) return Optional.empty();
        path.add(name);
        for (Expr.Ref r : Exprs.refs(m.formula().get())) {
            Optional<List<String>> c = findCycle(r.name(), metrics, path, done);
            if (c.isPresent()) {
                path.remove(path.size() - 1);
                done.add(name);
                return c;
            }
        }
        path.remove(path.size() - 1);
        done.add(name);
        return Optional.empty();
    }

    private Optional<Table> warehouseTable(String name, Node node) {
        Optional<Table> t = WarehouseSchema.table(name);
        if (t.isEmpty()) {
            nodes.problem(node, "unknown table '" + name + "'",
                    Suggestions.didYouMean(name, WarehouseSchema.TABLES.stream().map(Table::name).toList()));
        }
        return t;
    }

    private Optional<Expr> expression(Node node, String what) {
        if (node == null) return Optional.empty();
        if (!(node instanceof ScalarNode s)) {
            nodes.problem(node, "an expression of " + what + " must be a single line of text");
            return Optional.empty();
        }
        try {
            return Optional.of(ExprParser.parse(s.getValue()));
        } catch (ExprSyntaxException e) {
            problems.add(Problem.of(nodes.inText(s, e.offset()), "in " + what + ": " + e.getMessage()));
            return Optional.empty();
        }
    }

    /**
     * Checks that every column an expression names exists: unqualified names in {@code ownTable},
     * qualified ones in their table, which (for a fact's measures) must be reachable from the fact.
     */
    private Expr checkColumns(Expr e, Node node, String ownTable, Fact fact) {
        for (Expr.Ref r : Exprs.refs(e)) {
            String tableName = r.table().orElse(ownTable);
            Optional<Table> table = WarehouseSchema.table(tableName);
            SourceLocation at = node instanceof ScalarNode s ? nodes.inText(s, r.offset()) : nodes.at(node);
            if (table.isEmpty()) {
                problems.add(Problem.of(at, "unknown table '" + tableName + "'",
                        Suggestions.didYouMean(tableName, WarehouseSchema.TABLES.stream().map(Table::name).toList())));
                continue;
            }
            if (fact != null && !fact.reachableTables().contains(tableName)) {
                problems.add(Problem.of(at, "table '" + tableName + "' is not joined to fact '" + fact.name() + "'",
                        Optional.of("add a join to " + tableName + " under facts." + fact.name() + ".joins")));
                continue;
            }
            if (table.get().column(r.name()).isEmpty()) {
                problems.add(Problem.of(at, "no column '" + r.name() + "' in table " + tableName,
                        Suggestions.didYouMean(r.name(), table.get().columnNames())));
            }
        }
        return e;
    }
}
