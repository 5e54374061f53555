package org.researchportal.base.storage;

import de.bwaldvogel.mongo.bson.ObjectId;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Comparator;
import java.util.UUID;

/**
 * The order in which a {@link PrefixIndex} keeps the values of one key, so that a range is one stretch of it: values
 * grouped by the kind the matcher compares with one another (numbers with numbers, strings with strings, ...), exact
 * within each kind. {@link Edge} marks the start or the end of a kind, for a range open on one side.
 */
final class KeyOrder implements Comparator<Object> {

    static final KeyOrder INSTANCE = new KeyOrder();

    /** Before ({@code high} false) or after every value of one kind. */
    record Edge(int kind, boolean high) {}

    private KeyOrder() {
    }

    /** The kind a normalised value belongs to; values of different kinds never satisfy one range together. */
    static int kind(Object value) {
        return switch (value) {
            case null -> 0;
            case Edge edge -> edge.kind();
            case Number number -> 1;
            case String string -> 2;
            case ObjectId id -> 3;
            case Boolean bool -> 4;
            case Instant instant -> 5;
            case UUID uuid -> 6;
            default -> throw new IllegalArgumentException("not a key value: " + value.getClass());
        };
    }

    @Override
    public int compare(Object a, Object b) {
        int byKind = Integer.compare(kind(a), kind(b));
        if (byKind != 0) {
            return byKind;
        }
        if (a instanceof Edge || b instanceof Edge) {
            return Integer.compare(edgeRank(a), edgeRank(b));
        }
        return switch (a) {
            case null -> 0;
            case Number number -> compareNumbers(number, (Number) b);
            case String string -> string.compareTo((String) b);
            case ObjectId id -> id.compareTo((ObjectId) b);
            case Boolean bool -> bool.compareTo((Boolean) b);
            case Instant instant -> instant.compareTo((Instant) b);
            case UUID uuid -> uuid.toString().compareTo(b.toString());
            default -> throw new IllegalArgumentException("not a key value: " + a.getClass());
        };
    }

    private static int edgeRank(Object value) {
        return value instanceof Edge edge ? (edge.high() ? 1 : -1) : 0;
    }

    /** Exact: normalised numbers are doubles, or longs a double cannot hold; NaN above all, as Double orders it. */
    private static int compareNumbers(Number a, Number b) {
        if (a instanceof Double x && b instanceof Double y) {
            return Double.compare(x, y);
        }
        double x = a.doubleValue();
        double y = b.doubleValue();
        if (Double.isNaN(x) || Double.isNaN(y) || Double.isInfinite(x) || Double.isInfinite(y)) {
            return Double.compare(x, y);
        }
        return exact(a).compareTo(exact(b));
    }

    private static BigDecimal exact(Number number) {
        return number instanceof Long || number instanceof Integer ? BigDecimal.valueOf(number.longValue())
                : new BigDecimal(number.doubleValue());
    }
}
