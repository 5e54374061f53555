package org.researchportal.base.expression;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** Every error names what is wrong and where, so the designer can show it at the expression. */
class ExpressionErrorTests {

    private static ExpressionError errorOf(String text) {
        ExpressionError error = catchThrowableOfType(ExpressionError.class, () -> Expression.parse(text));
        assertThat(error).as("an error for: " + text).isNotNull();
        return error;
    }

    private static void assertError(String text, String key, int position, Object... arguments) {
        ExpressionError error = errorOf(text);
        assertThat(error.key()).as(text).isEqualTo(key);
        assertThat(error.position()).as(text).isEqualTo(position);
        assertThat(error.arguments()).as(text).containsExactly(arguments);
    }

    @Test
    void anUnexpectedTokenIsNamedWithItsCharacter() {
        assertError("mean([a], [b]) +, 3", ExpressionError.UNEXPECTED, 16, ",", 17);
        assertError("[a] = = 1", ExpressionError.UNEXPECTED, 6, "=", 7);
        assertError("[a] 1", ExpressionError.UNEXPECTED, 4, "1", 5);
        assertError("1 < 2 < 3", ExpressionError.UNEXPECTED, 6, "<", 7);
        assertError("2 ^ 3 ^ 2", ExpressionError.UNEXPECTED, 6, "^", 7);
        assertError("[a] & [b]", ExpressionError.UNEXPECTED, 4, "&", 5);
        assertError("[a] = 1 and", ExpressionError.UNEXPECTED_END, 11, "", 12);
        assertError("[a] and or [b]", ExpressionError.UNEXPECTED, 8, "or", 9);
        assertError("1.", ExpressionError.UNEXPECTED, 1, ".", 2);
        assertError("[a] [b]", ExpressionError.UNEXPECTED, 4, "[b]", 5);
    }

    @Test
    void unclosedBracketsParenthesesAndTextPointAtWhereTheyOpen() {
        assertError("[a] + [b", ExpressionError.UNCLOSED_BRACKET, 6, "[", 7);
        assertError("[a + [b]", ExpressionError.UNCLOSED_BRACKET, 0, "[", 1);
        assertError("sum([a], ([b] + 1)", ExpressionError.UNCLOSED_PARENTHESIS, 3, "(", 4);
        assertError("((1)", ExpressionError.UNCLOSED_PARENTHESIS, 0, "(", 1);
        assertError("[a] = 'yes", ExpressionError.UNCLOSED_TEXT, 6, "'", 7);
        assertError("[a] = \"yes'", ExpressionError.UNCLOSED_TEXT, 6, "\"", 7);
    }

    @Test
    void aReferenceMustNameAnItemAsREDCapWritesIt() {
        assertError("[Grip] > 1", ExpressionError.BAD_REFERENCE, 0, "[Grip]", 1);
        assertError("1 + [2a]", ExpressionError.BAD_REFERENCE, 4, "[2a]", 5);
        assertError("[]", ExpressionError.BAD_REFERENCE, 0, "[]", 1);
        assertError("[a(1 2)]", ExpressionError.BAD_REFERENCE, 0, "[a(1 2)]", 1);
        assertError("[" + "a".repeat(101) + "]", ExpressionError.BAD_REFERENCE, 0, "[" + "a".repeat(101) + "]", 1);
        assertThat(Expression.parse("[" + "a".repeat(100) + "]").references()).hasSize(1);
        assertError("grip > 1", ExpressionError.BARE_NAME, 0, "grip", 1);
    }

    @Test
    void unknownFunctionsAndWrongArgumentCountsAreRefusedWhenParsed() {
        assertError("1 + avg([a], [b])", ExpressionError.UNKNOWN_FUNCTION, 4, "avg", 5);
        assertError("IF([a], 1)", ExpressionError.ARGUMENTS_EXACTLY, 0, "IF", 1, 3, 2);
        assertError("round(1, 2, 3)", ExpressionError.ARGUMENTS_BETWEEN, 0, "round", 1, 1, 2, 3);
        assertError("2 * sum()", ExpressionError.ARGUMENTS_AT_LEAST, 4, "sum", 5, 1, 0);
        assertError("datediff([a], [b])", ExpressionError.ARGUMENTS_BETWEEN, 0, "datediff", 1, 3, 5, 2);
        assertError("datediff([a], [b], 'w')", ExpressionError.DATE_UNIT, 19, "'w'", 20);
    }

    @Test
    void anEmptyExpressionIsRefused() {
        assertError("", ExpressionError.EMPTY, 0, "", 1);
        assertError("  \n ", ExpressionError.EMPTY, 0, "", 1);
    }

    @Test
    void tooLongAndTooDeepAreRefusedWithoutOverflowingTheStack() {
        assertThat(Expression.parse("1" + " ".repeat(Expression.MAX_LENGTH - 1)).text()).hasSize(4000);
        assertError("1" + " ".repeat(Expression.MAX_LENGTH), ExpressionError.TOO_LONG, 4000, 4001, 4001, 4000);

        assertThat(Expression.parse("(".repeat(63) + "1" + ")".repeat(63)).evaluate(new AnswerSheet()).asNumber())
                .hasValue(1.0);
        assertError("(".repeat(64) + "1" + ")".repeat(64), ExpressionError.TOO_DEEP, 64, 64, 65);
        assertError("(".repeat(3999), ExpressionError.TOO_DEEP, 64, 64, 65);
        assertError("-".repeat(3999) + "1", ExpressionError.TOO_DEEP, 64, 64, 65);
        assertError("not ".repeat(999) + "1", ExpressionError.TOO_DEEP, 256, 64, 257);
        assertError("abs(".repeat(999), ExpressionError.TOO_DEEP, 256, 64, 257);
    }

    @Test
    void checkReportsReferencesTheScopeDoesNotKnow() {
        ExpressionScope scope = new ExpressionScope() {
            @Override
            public boolean hasEvent(String event) {
                return event.equals("week_12");
            }

            @Override
            public boolean hasItem(String item) {
                return List.of("a", "c").contains(item);
            }

            @Override
            public boolean hasOption(String item, String option) {
                return item.equals("c") && List.of("1", "2").contains(option);
            }
        };
        assertThat(Expression.parse("[a] + [week_12][c(2)]").check(scope)).isEmpty();
        List<ExpressionError> problems = Expression.parse("[a] + [b] + [week_9][a] + [c(7)]").check(scope);
        assertThat(problems).extracting(ExpressionError::key).containsExactly(ExpressionError.UNKNOWN_ITEM,
                ExpressionError.UNKNOWN_EVENT, ExpressionError.UNKNOWN_OPTION);
        assertThat(problems).extracting(ExpressionError::position).containsExactly(6, 12, 26);
        assertThat(problems.get(2).arguments()).containsExactly("[c(7)]", 27, "c", "7");
    }

    @Test
    void everyKeyReadsInEnglishAndChineseWithWhatAndWhere() throws IOException {
        Properties english = bundle("translations.properties");
        Properties chinese = bundle("translations_zh_CN.properties");
        for (String key : ExpressionError.KEYS) {
            assertThat(english.getProperty(key)).as(key).isNotBlank();
            assertThat(chinese.getProperty(key)).as(key).isNotBlank();
        }
        ExpressionError error = errorOf("mean([a], [b]) +, 3");
        assertThat(new MessageFormat(english.getProperty(error.key()), Locale.ENGLISH)
                .format(error.arguments().toArray())).isEqualTo("Unexpected \",\" at character 17.");
        assertThat(new MessageFormat(chinese.getProperty(error.key()), Locale.SIMPLIFIED_CHINESE)
                .format(error.arguments().toArray())).isEqualTo("第 17 个字符处出现意外的“,”。");
        ExpressionError arity = errorOf("if([a], 1)");
        assertThat(new MessageFormat(english.getProperty(arity.key()), Locale.ENGLISH)
                .format(arity.arguments().toArray())).isEqualTo("if at character 1 takes 3 values, not 2.");
    }

    private static Properties bundle(String name) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = ExpressionErrorTests.class.getResourceAsStream("/vaadin-i18n/" + name)) {
            assertThat(in).as(name).isNotNull();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
