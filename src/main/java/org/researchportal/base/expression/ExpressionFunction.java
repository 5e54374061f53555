package org.researchportal.base.expression;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The functions an expression may call, with REDCap's meaning where REDCap has the function. Aggregates leave out
 * blanks (and text that is not a number); with nothing left they give blank. Names are case-insensitive.
 */
enum ExpressionFunction {

    IF(3, 3) {
        @Override
        Value apply(List<Value> args, Answers answers) {
            return args.get(0).isTrue() ? args.get(1) : args.get(2);
        }
    },
    SUM(1, Integer.MAX_VALUE) {
        @Override
        Value apply(List<Value> args, Answers answers) {
            double[] numbers = numbers(args);
            return numbers.length == 0 ? Value.blank() : Value.number(Arrays.stream(numbers).sum());
        }
    },
    MEAN(1, Integer.MAX_VALUE) {
        @Override
        Value apply(List<Value> args, Answers answers) {
            return of(Arrays.stream(numbers(args)).average());
        }
    },
    MIN(1, Integer.MAX_VALUE) {
        @Override
        Value apply(List<Value> args, Answers answers) {
            return of(Arrays.stream(numbers(args)).min());
        }
    },
    MAX(1, Integer.MAX_VALUE) {
        @Override
        Value apply(List<Value> args, Answers answers) {
            return of(Arrays.stream(numbers(args)).max());
        }
    },
    MEDIAN(1, Integer.MAX_VALUE) {
        @Override
        Value apply(List<Value> args, Answers answers) {
            double[] numbers = numbers(args);
            Arrays.sort(numbers);
            int n = numbers.length;
            return n == 0 ? Value.blank()
                    : Value.number(n % 2 == 1 ? numbers[n / 2] : (numbers[n / 2 - 1] + numbers[n / 2]) / 2);
        }
    },
    /** Ours, for the missing-item rule: how many arguments are not blank. */
    COUNT(1, Integer.MAX_VALUE) {
        @Override
        Value apply(List<Value> args, Answers answers) {
            return Value.number(args.stream().filter(a -> !a.isBlank()).count());
        }
    },
    /** Half away from zero, to the given decimal places (0 when left out), as REDCap rounds. */
    ROUND(1, 2) {
        @Override
        Value apply(List<Value> args, Answers answers) {
            return round(args, RoundingMode.HALF_UP);
        }
    },
    /** Away from zero. */
    ROUNDUP(1, 2) {
        @Override
        Value apply(List<Value> args, Answers answers) {
            return round(args, RoundingMode.UP);
        }
    },
    /** Toward zero. */
    ROUNDDOWN(1, 2) {
        @Override
        Value apply(List<Value> args, Answers answers) {
            return round(args, RoundingMode.DOWN);
        }
    },
    ABS(1, 1) {
        @Override
        Value apply(List<Value> args, Answers answers) {
            return of(args.get(0).asNumber(), Math::abs);
        }
    },
    SQRT(1, 1) {
        @Override
        Value apply(List<Value> args, Answers answers) {
            return of(args.get(0).asNumber(), Math::sqrt);
        }
    },
    ISBLANK(1, 1) {
        @Override
        Value apply(List<Value> args, Answers answers) {
            return Value.of(args.get(0).isBlank());
        }
    },
    ISNUMBER(1, 1) {
        @Override
        Value apply(List<Value> args, Answers answers) {
            return Value.of(!args.get(0).isBoolean() && args.get(0).asNumber().isPresent());
        }
    },
    ISINTEGER(1, 1) {
        @Override
        Value apply(List<Value> args, Answers answers) {
            OptionalDouble number = args.get(0).asNumber();
            return Value.of(!args.get(0).isBoolean() && number.isPresent()
                    && number.getAsDouble() == Math.rint(number.getAsDouble()));
        }
    },
    /** datediff(date1, date2, unit[, format][, signed]): see {@link DateDifference}. */
    DATEDIFF(3, 5) {
        @Override
        Value apply(List<Value> args, Answers answers) {
            return DateDifference.of(args, answers.today());
        }
    },
    /** Whether the text holds the part, ignoring case as REDCap does. */
    CONTAINS(2, 2) {
        @Override
        Value apply(List<Value> args, Answers answers) {
            return Value.of(args.get(0).asText().toLowerCase(Locale.ROOT)
                    .contains(args.get(1).asText().toLowerCase(Locale.ROOT)));
        }
    },
    LEFT(2, 2) {
        @Override
        Value apply(List<Value> args, Answers answers) {
            String text = args.get(0).asText();
            int n = characters(args.get(1), text);
            return n < 0 ? Value.blank() : Value.text(text.substring(0, text.offsetByCodePoints(0, n)));
        }
    },
    RIGHT(2, 2) {
        @Override
        Value apply(List<Value> args, Answers answers) {
            String text = args.get(0).asText();
            int n = characters(args.get(1), text);
            return n < 0 ? Value.blank() : Value.text(text.substring(text.offsetByCodePoints(text.length(), -n)));
        }
    },
    LENGTH(1, 1) {
        @Override
        Value apply(List<Value> args, Answers answers) {
            String text = args.get(0).asText();
            return Value.number(text.codePointCount(0, text.length()));
        }
    };

    private static final Map<String, ExpressionFunction> BY_NAME = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(f -> f.name().toLowerCase(Locale.ROOT), f -> f));
    private static final int MAX_DIGITS = 15;

    final int fewest;
    final int most;

    ExpressionFunction(int fewest, int most) {
        this.fewest = fewest;
        this.most = most;
    }

    abstract Value apply(List<Value> args, Answers answers);

    static @Nullable ExpressionFunction named(String lowerCaseName) {
        return BY_NAME.get(lowerCaseName);
    }

    private static double[] numbers(List<Value> args) {
        return args.stream().map(Value::asNumber).filter(OptionalDouble::isPresent)
                .mapToDouble(OptionalDouble::getAsDouble).toArray();
    }

    private static Value of(OptionalDouble number) {
        return number.isPresent() ? Value.number(number.getAsDouble()) : Value.blank();
    }

    private static Value of(OptionalDouble number, Function<Double, Double> operation) {
        return number.isPresent() ? Value.number(operation.apply(number.getAsDouble())) : Value.blank();
    }

    private static Value round(List<Value> args, RoundingMode mode) {
        OptionalDouble number = args.get(0).asNumber();
        OptionalDouble digits = args.size() > 1 ? args.get(1).asNumber() : OptionalDouble.of(0);
        if (number.isEmpty() || digits.isEmpty() || digits.getAsDouble() != Math.rint(digits.getAsDouble())
                || Math.abs(digits.getAsDouble()) > MAX_DIGITS) {
            return Value.blank();
        }
        return Value.number(BigDecimal.valueOf(number.getAsDouble()).setScale((int) digits.getAsDouble(), mode)
                .doubleValue());
    }

    /** How many characters to take, capped at the text's length; -1 when the count is not a whole number >= 0. */
    private static int characters(Value count, String text) {
        OptionalDouble n = count.asNumber();
        if (n.isEmpty() || n.getAsDouble() < 0 || n.getAsDouble() != Math.rint(n.getAsDouble())) {
            return -1;
        }
        return (int) Math.min(n.getAsDouble(), text.codePointCount(0, text.length()));
    }
}
