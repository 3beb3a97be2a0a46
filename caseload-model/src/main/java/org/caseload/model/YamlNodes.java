package org.caseload.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.yaml.snakeyaml.DumperOptions.ScalarStyle;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads SnakeYAML's node tree (which keeps line and column of every value) and records problems
 * instead of throwing, so one run reports every mistake in the file.
 */
final class YamlNodes {
    private final String file;
    private final String source;
    private final List<Problem> problems;

    /** {@code source} is the file's text, to map positions inside quoted and multi-line scalars back to it. */
    YamlNodes(String file, String source, List<Problem> problems) {
        this.file = file;
        this.source = source;
        this.problems = problems;
    }

    SourceLocation at(Node node) {
        return new SourceLocation(file, node.getStartMark().getLine() + 1, node.getStartMark().getColumn() + 1);
    }

    /**
     * Where character {@code offset} of a scalar's value was written, so expression offsets can be turned
     * into line and column. Walks the source from the scalar's start, undoing what YAML did to the text:
     * the opening quote, {@code ''} in single quotes, backslash escapes in double quotes, the header and
     * indentation of block scalars ({@code >-}, {@code |}), and line breaks folded into spaces.
     */
    SourceLocation inText(ScalarNode node, int offset) {
        ScalarStyle style = node.getScalarStyle();
        boolean block = style == ScalarStyle.FOLDED || style == ScalarStyle.LITERAL;
        int p;
        try {
            p = source.offsetByCodePoints(0, node.getStartMark().getIndex());
        } catch (IndexOutOfBoundsException e) {
            return at(node).plusColumns(offset);
        }
        Walk w = new Walk(p, node.getStartMark().getLine() + 1, node.getStartMark().getColumn() + 1);
        int indent = 0;
        if (style == ScalarStyle.SINGLE_QUOTED || style == ScalarStyle.DOUBLE_QUOTED) {
            w.step();
        } else if (block) {
            while (w.p < source.length() && !w.atBreak()) w.step(); // the header: > or | with indicators, comment
            w.step();
            while (w.p < source.length() && source.charAt(w.p) == ' ') {
                w.step();
                indent++;
            }
        }
        int v = 0;
        while (v < offset && w.p < source.length()) {
            char c = source.charAt(w.p);
            if (style == ScalarStyle.SINGLE_QUOTED && c == '\'' && w.next() == '\'') {
                w.step();
                w.step();
                v++;
            } else if (style == ScalarStyle.DOUBLE_QUOTED && c == '\\') {
                w.step();
                if (w.atBreak()) { // an escaped line break joins the lines without a space
                    w.step();
                    w.skipBlanks();
                    continue;
                }
                char kind = w.p < source.length() ? source.charAt(w.p) : ' ';
                int digits = kind == 'x' ? 2 : kind == 'u' ? 4 : kind == 'U' ? 8 : 0;
                for (int i = 0; i <= digits; i++) w.step();
                v++;
            } else if (block && w.atBreak()) { // each break and the next line's indentation; folding drops one
                int breaks = 0;
                while (w.atBreak()) {
                    w.step();
                    breaks++;
                    for (int i = 0; i < indent && w.p < source.length() && source.charAt(w.p) == ' '; i++) w.step();
                }
                v += style == ScalarStyle.FOLDED && breaks > 1 ? breaks - 1 : breaks;
            } else if (!block && (c == ' ' || c == '\t' || w.atBreak())) {
                int q = w.p;
                while (q < source.length() && (source.charAt(q) == ' ' || source.charAt(q) == '\t')) q++;
                if (q < source.length() && isBreak(source.charAt(q))) { // folded: trailing blanks, break(s), indentation
                    int breaks = 0;
                    while (true) {
                        w.skipBlanks();
                        if (!w.atBreak()) break;
                        w.step();
                        breaks++;
                    }
                    v += breaks == 1 ? 1 : breaks - 1;
                } else {
                    w.step();
                    v++;
                }
            } else {
                v += Character.charCount(source.codePointAt(w.p));
                w.step();
            }
        }
        return new SourceLocation(file, w.line, w.column);
    }

    private static boolean isBreak(char c) {
        return c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029';
    }

    /** A position in the source with its 1-based line and column (in code points, as SnakeYAML counts). */
    private final class Walk {
        int p;
        int line;
        int column;

        Walk(int p, int line, int column) {
            this.p = p;
            this.line = line;
            this.column = column;
        }

        boolean atBreak() {
            return p < source.length() && isBreak(source.charAt(p));
        }

        char next() {
            return p + 1 < source.length() ? source.charAt(p + 1) : 0;
        }

        void step() {
            if (p >= source.length()) return;
            if (atBreak()) {
                p += source.startsWith("\r\n", p) ? 2 : 1;
                line++;
                column = 1;
            } else {
                p += Character.charCount(source.codePointAt(p));
                column++;
            }
        }

        void skipBlanks() {
            while (p < source.length() && (source.charAt(p) == ' ' || source.charAt(p) == '\t')) step();
        }
    }

    void problem(Node node, String message) {
        problems.add(Problem.of(at(node), message));
    }

    void problem(Node node, String message, Optional<String> hint) {
        problems.add(Problem.of(at(node), message, hint));
    }

    /** A mapping's entries by key, in order; reports keys outside {@code allowed} and duplicates. */
    Optional<Map<String, Node>> mapping(Node node, String what, Set<String> allowed) {
        if (!(node instanceof MappingNode m)) {
            problem(node, what + " must be a mapping (key: value lines)");
            return Optional.empty();
        }
        Map<String, Node> out = new LinkedHashMap<>();
        for (NodeTuple t : m.getValue()) {
            Optional<String> key = scalar(t.getKeyNode(), "a key in " + what);
            if (key.isEmpty()) {
                continue;
            }
            if (!allowed.isEmpty() && !allowed.contains(key.get())) {
                problem(t.getKeyNode(), "unknown key '" + key.get() + "' in " + what,
                        Suggestions.didYouMean(key.get(), allowed)
                                .or(() -> Optional.of("allowed: " + String.join(", ", new TreeSet<>(allowed)))));
                continue;
            }
            if (out.containsKey(key.get())) {
                problem(t.getKeyNode(), "duplicate key '" + key.get() + "' in " + what);
                continue;
            }
            out.put(key.get(), t.getValueNode());
        }
        return Optional.of(out);
    }

    /** Mapping entries keyed by the user's names (facts, measures, ...); keys are free, duplicates are not. */
    Map<String, Node> namedEntries(Node node, String what) {
        Map<String, Node> entries = mapping(node, what, Set.of()).orElse(Map.of());
        if (node instanceof MappingNode m) {
            for (NodeTuple t : m.getValue()) {
                if (t.getKeyNode() instanceof ScalarNode s && !s.getValue().matches("[a-z][a-z0-9_]*")) {
                    problem(s, "name '" + s.getValue() + "' in " + what
                            + " must be lower_snake_case (letters, digits, underscores; starting with a letter)");
                }
            }
        }
        return entries;
    }

    Optional<String> scalar(Node node, String what) {
        if (node instanceof ScalarNode s) {
            return Optional.of(s.getValue());
        }
        problem(node, what + " must be a single value, not a " + (node instanceof SequenceNode ? "list" : "mapping"));
        return Optional.empty();
    }

    Optional<String> requiredScalar(Map<String, Node> map, Node owner, String key, String what) {
        Node n = map.get(key);
        if (n == null) {
            problem(owner, what + " needs '" + key + "'");
            return Optional.empty();
        }
        return scalar(n, "'" + key + "' of " + what);
    }

    Optional<String> optionalScalar(Map<String, Node> map, String key, String what) {
        Node n = map.get(key);
        return n == null ? Optional.empty() : scalar(n, "'" + key + "' of " + what);
    }

    List<Node> sequence(Node node, String what) {
        if (node instanceof SequenceNode s) {
            return s.getValue();
        }
        problem(node, what + " must be a list (lines starting with '- ')");
        return new ArrayList<>();
    }
}
