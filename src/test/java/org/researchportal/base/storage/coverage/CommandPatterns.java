package org.researchportal.base.storage.coverage;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonRegularExpression;
import org.bson.BsonValue;
import org.researchportal.base.storage.coverage.QueryPattern.SortKey;

/**
 * Reads the query patterns out of a command as the driver sends it: a find's filter and sort, each statement's
 * {@code q} of an update or a delete, a findAndModify's query and sort, a count's or a distinct's query, and an
 * aggregation's leading {@code $match} stages (adjacent ones merged, as MongoDB does) with the {@code $sort} right after.
 */
final class CommandPatterns {

    /** An $or nested in $ors multiplies; past this many branches the query is taken as one unindexable pattern. */
    private static final int MAX_BRANCHES = 256;

    private static final Set<String> EQUALITY = Set.of("$eq", "$in", "$all");
    private static final Set<String> RANGE = Set.of("$gt", "$gte", "$lt", "$lte");

    private CommandPatterns() {
    }

    /** The patterns of a command that reads or writes by a query; none for any other command. */
    static List<QueryPattern> of(String commandName, BsonDocument command) {
        List<QueryPattern> patterns = new ArrayList<>();
        switch (commandName) {
            case "find" -> patterns.addAll(patterns(collection(command, "find"), filter(command, "filter"),
                    sort(command.get("sort"))));
            case "count" -> patterns.addAll(patterns(collection(command, "count"), filter(command, "query"),
                    List.of()));
            case "distinct" -> patterns.addAll(patterns(collection(command, "distinct"), filter(command, "query"),
                    List.of()));
            case "findAndModify", "findandmodify" -> patterns.addAll(patterns(collection(command, commandName),
                    filter(command, "query"), sort(command.get("sort"))));
            case "update" -> statements(command, "update", "updates", patterns);
            case "delete" -> statements(command, "delete", "deletes", patterns);
            case "aggregate" -> aggregation(command, patterns);
            default -> {
            }
        }
        return patterns;
    }

    private static void statements(BsonDocument command, String name, String list, List<QueryPattern> into) {
        String collection = collection(command, name);
        BsonValue statements = command.get(list);
        if (collection == null || statements == null || !statements.isArray()) {
            return;
        }
        for (BsonValue statement : statements.asArray()) {
            if (statement.isDocument()) {
                into.addAll(patterns(collection, filter(statement.asDocument(), "q"), List.of()));
            }
        }
    }

    private static void aggregation(BsonDocument command, List<QueryPattern> into) {
        String collection = collection(command, "aggregate");
        BsonValue pipeline = command.get("pipeline");
        if (collection == null || pipeline == null || !pipeline.isArray()) {
            return; // a database-wide aggregation ({aggregate: 1}) reads no collection's index
        }
        BsonArray matches = new BsonArray();
        List<SortKey> sort = List.of();
        for (BsonValue stage : pipeline.asArray()) {
            BsonDocument document = stage.asDocument();
            if (document.containsKey("$match")) {
                matches.add(document.get("$match"));
            } else {
                if (document.containsKey("$sort")) {
                    sort = sort(document.get("$sort"));
                }
                break;
            }
        }
        into.addAll(patterns(collection, new BsonDocument("$and", matches), sort));
    }

    private static List<QueryPattern> patterns(String collection, BsonDocument filter, List<SortKey> sort) {
        if (collection == null) {
            return List.of();
        }
        List<QueryPattern> patterns = new ArrayList<>();
        for (Conditions branch : analyse(filter)) {
            patterns.add(QueryPattern.of(collection, branch.equality, sort, branch.range, branch.other));
        }
        return patterns;
    }

    private static String collection(BsonDocument command, String key) {
        BsonValue name = command.get(key);
        return name != null && name.isString() ? name.asString().getValue() : null;
    }

    private static BsonDocument filter(BsonDocument holder, String key) {
        BsonValue filter = holder.get(key);
        return filter != null && filter.isDocument() ? filter.asDocument() : new BsonDocument();
    }

    private static List<SortKey> sort(BsonValue sort) {
        List<SortKey> keys = new ArrayList<>();
        if (sort != null && sort.isDocument()) {
            for (Map.Entry<String, BsonValue> key : sort.asDocument().entrySet()) {
                if (key.getValue().isNumber() && !key.getKey().equals("$natural")) {
                    keys.add(new SortKey(key.getKey(), key.getValue().asNumber().intValue() < 0 ? -1 : 1));
                }
            }
        }
        return keys;
    }

    /** The branches of a filter: one unless it holds an $or, each branch with the conditions around the $or. */
    static List<Conditions> analyse(BsonDocument filter) {
        List<Conditions> branches = List.of(new Conditions());
        for (Map.Entry<String, BsonValue> condition : filter.entrySet()) {
            String key = condition.getKey();
            BsonValue value = condition.getValue();
            List<Conditions> part;
            if (key.equals("$and") && value.isArray()) {
                part = List.of(new Conditions());
                for (BsonValue each : value.asArray()) {
                    part = each.isDocument() ? cross(part, analyse(each.asDocument())) : part;
                }
            } else if (key.equals("$or") && value.isArray()) {
                part = new ArrayList<>();
                for (BsonValue each : value.asArray()) {
                    if (each.isDocument()) {
                        part.addAll(analyse(each.asDocument()));
                    }
                }
            } else if (key.startsWith("$")) {
                part = List.of(new Conditions().withOther(key)); // $nor, $expr, $where, $text, $comment
            } else {
                part = List.of(field(key, value));
            }
            branches = cross(branches, part);
        }
        return branches;
    }

    private static Conditions field(String field, BsonValue value) {
        if (value.isRegularExpression()) {
            return anchored(value.asRegularExpression()) ? new Conditions().withRange(field)
                    : new Conditions().withOther(field);
        }
        if (!value.isDocument() || value.asDocument().isEmpty()
                || !value.asDocument().getFirstKey().startsWith("$")) {
            return new Conditions().withEquality(field); // a value, null or a whole sub-document
        }
        BsonDocument operators = value.asDocument();
        boolean equality = false;
        boolean range = false;
        for (String operator : operators.keySet()) {
            if (EQUALITY.contains(operator)) {
                equality = true;
            } else if (RANGE.contains(operator)) {
                range = true;
            } else if (operator.equals("$regex")) {
                BsonValue pattern = operators.get("$regex");
                String options = operators.containsKey("$options") ? operators.getString("$options").getValue()
                        : "";
                range |= pattern.isRegularExpression() ? anchored(pattern.asRegularExpression())
                        : pattern.isString() && anchored(new BsonRegularExpression(pattern.asString().getValue(),
                                options));
            }
        }
        if (equality) {
            return new Conditions().withEquality(field);
        }
        return range ? new Conditions().withRange(field) : new Conditions().withOther(field);
    }

    /** A case-sensitive regex anchored at the start bounds an index scan as a range; any other reads every key. */
    private static boolean anchored(BsonRegularExpression regex) {
        return regex.getPattern().startsWith("^") && !regex.getOptions().contains("i");
    }

    private static List<Conditions> cross(List<Conditions> left, List<Conditions> right) {
        if (right.isEmpty()) {
            return left;
        }
        if ((long) left.size() * right.size() > MAX_BRANCHES) {
            return List.of(new Conditions().withOther("$or"));
        }
        List<Conditions> product = new ArrayList<>();
        for (Conditions a : left) {
            for (Conditions b : right) {
                product.add(a.and(b));
            }
        }
        return product;
    }

    /** The conditions of one branch, by kind. */
    static final class Conditions {

        final Set<String> equality = new TreeSet<>();
        final Set<String> range = new TreeSet<>();
        final Set<String> other = new TreeSet<>();

        Conditions withEquality(String field) {
            equality.add(field);
            return this;
        }

        Conditions withRange(String field) {
            range.add(field);
            return this;
        }

        Conditions withOther(String field) {
            other.add(field);
            return this;
        }

        Conditions and(Conditions more) {
            Conditions both = new Conditions();
            both.equality.addAll(equality);
            both.equality.addAll(more.equality);
            both.range.addAll(range);
            both.range.addAll(more.range);
            both.other.addAll(other);
            both.other.addAll(more.other);
            return both;
        }
    }
}
