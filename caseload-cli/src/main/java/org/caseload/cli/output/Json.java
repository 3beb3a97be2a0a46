package org.caseload.cli.output;

import java.math.BigDecimal;

/** Raw value text shared by CSV and JSON: plain decimals (no exponent), ISO dates. */
final class Json {
    private Json() {}

    static String plain(Object v) {
        if (v instanceof BigDecimal b) return b.toPlainString();
        if (v instanceof Double d) {
            return d == Math.rint(d) && Math.abs(d) < 1e15 ? BigDecimal.valueOf(d).setScale(1).toPlainString()
                    : BigDecimal.valueOf(d).toPlainString();
        }
        return v.toString();
    }

    static String string(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) sb.append(String.format("\\u%04x", (int) c));
                    else sb.append(c);
                }
            }
        }
        return sb.append('"').toString();
    }

    static String value(Object v) {
        if (v == null) return "null";
        if (v instanceof Number) return plain(v);
        if (v instanceof Boolean) return v.toString();
        return string(v.toString());
    }
}
