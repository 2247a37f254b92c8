package dev.warden.command.governance;

import dev.warden.command.support.Secrets;
import dev.warden.events.governance.GovernanceErrorCode;
import dev.warden.events.shared.DomainException;
import dev.warden.events.shared.Text;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A tool call's arguments in their canonical JSON, and its SHA-256 (hex): what binds an approval to
 * one exact call and what the log keeps in place of the arguments. Canonical means: object keys
 * sorted (by UTF-16 code units), no whitespace, numbers by value (so {@code 1}, {@code 1.0} and
 * {@code 1e0} are one number) and strings escaped one way only. The arguments must be a JSON object
 * of plain values, at most {@value #MAX_DEPTH} levels deep, {@value #MAX_VALUES} values and
 * {@value #MAX_CHARS} characters; text without lone surrogates, numbers finite. A refusal never
 * quotes the arguments.
 */
record CallArguments(Map<String, Object> values, String canonicalJson, String hash) {

    static final int MAX_DEPTH = 32;
    static final int MAX_VALUES = 10_000;
    static final int MAX_CHARS = 1_000_000;

    /** The arguments checked and made canonical; absent arguments are the empty object. */
    static CallArguments of(Map<String, Object> arguments) {
        Map<String, Object> values = arguments == null ? Map.of() : arguments;
        String json = new Writer().object(values, 1).json();
        if (json.length() > MAX_CHARS) {
            throw refused("are longer than " + MAX_CHARS + " characters");
        }
        return new CallArguments(values, json, Secrets.sha256(json));
    }

    /** Writes one canonical form, counting values and characters as it goes. */
    private static final class Writer {

        private final StringBuilder out = new StringBuilder();
        private int values;

        String json() {
            return out.toString();
        }

        Writer object(Map<?, ?> object, int depth) {
            List<String> keys = new ArrayList<>(object.size());
            for (Object key : object.keySet()) {
                if (!(key instanceof String text)) {
                    throw refused("have a key that is not text");
                }
                keys.add(text);
            }
            keys.sort(null);
            out.append('{');
            for (int i = 0; i < keys.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                string(keys.get(i));
                out.append(':');
                value(object.get(keys.get(i)), depth);
            }
            out.append('}');
            return this;
        }

        private void value(Object value, int depth) {
            if (++values > MAX_VALUES) {
                throw refused("hold more than " + MAX_VALUES + " values");
            }
            if (out.length() > MAX_CHARS) {
                throw refused("are longer than " + MAX_CHARS + " characters");
            }
            if ((value instanceof Map<?, ?> || value instanceof List<?>) && depth >= MAX_DEPTH) {
                throw refused("nest deeper than " + MAX_DEPTH + " levels");
            }
            if (value == null) {
                out.append("null");
            } else if (value instanceof Map<?, ?> map) {
                object(map, depth + 1);
            } else if (value instanceof List<?> list) {
                array(list, depth + 1);
            } else if (value instanceof String text) {
                string(text);
            } else if (value instanceof Boolean bool) {
                out.append(bool);
            } else if (value instanceof Number number) {
                out.append(number(number));
            } else {
                throw refused("hold a value that is not JSON");
            }
        }

        private void array(List<?> list, int depth) {
            out.append('[');
            for (int i = 0; i < list.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                value(list.get(i), depth);
            }
            out.append(']');
        }

        private void string(String text) {
            if (Text.hasLoneSurrogate(text)) {
                throw refused("contain a lone surrogate");
            }
            out.append('"');
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                switch (c) {
                    case '"' -> out.append("\\\"");
                    case '\\' -> out.append("\\\\");
                    case '\n' -> out.append("\\n");
                    case '\r' -> out.append("\\r");
                    case '\t' -> out.append("\\t");
                    case '\b' -> out.append("\\b");
                    case '\f' -> out.append("\\f");
                    default -> {
                        if (c < 0x20) {
                            out.append(String.format("\\u%04x", (int) c));
                        } else {
                            out.append(c);
                        }
                    }
                }
            }
            out.append('"');
        }

        /** The shortest decimal of the number's value: integers plainly, others without trailing zeros. */
        private static String number(Number number) {
            BigDecimal decimal;
            if (number instanceof Integer || number instanceof Long || number instanceof Short
                    || number instanceof Byte) {
                decimal = BigDecimal.valueOf(number.longValue());
            } else if (number instanceof BigInteger big) {
                decimal = new BigDecimal(big);
            } else if (number instanceof BigDecimal big) {
                decimal = big;
            } else {
                decimal = finite(number.doubleValue());
            }
            BigDecimal stripped = decimal.signum() == 0 ? BigDecimal.ZERO : decimal.stripTrailingZeros();
            boolean plainInteger = stripped.scale() <= 0 && stripped.precision() - stripped.scale() <= 21;
            return plainInteger ? stripped.toPlainString() : stripped.toString();
        }

        private static BigDecimal finite(double value) {
            if (Double.isNaN(value) || Double.isInfinite(value)) {
                throw refused("hold a number that is not finite");
            }
            return BigDecimal.valueOf(value);
        }
    }

    private static DomainException refused(String what) {
        return new DomainException(GovernanceErrorCode.INVALID_TOOL_CALL, "A tool call's arguments " + what);
    }
}
