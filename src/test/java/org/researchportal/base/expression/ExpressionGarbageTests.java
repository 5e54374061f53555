package org.researchportal.base.expression;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Whatever a designer (or an imported data dictionary) types, parsing answers an expression or an ExpressionError,
 * and a parsed expression evaluates without throwing. Seeded, with the seed printed, so a failure can be replayed.
 */
class ExpressionGarbageTests {

    private static final String[] PIECES = {"[a]", "[b(1)]", "[week_12][a]", "[", "]", "(", ")", ",", "'x'", "'",
            "\"", "1", "0", ".5", "2.5", "-", "+", "*", "/", "^", "=", "<>", "!=", "<=", ">", "and", "or", "not",
            "true", "if(", "sum(", "mean(", "count(", "round(", "datediff(", "'today'", "'y'", "'d'", "min(",
            "median(", "left(", "right(", "length(", "contains(", "isblank(", "sqrt(", "avg(", "x", " ", "\n", "&",
            "\u6c49", "\ud83d\ude00", "\u0000", "1e9", "9".repeat(400), "(".repeat(70), "[a" + "_".repeat(120) + "]"};

    @Test
    void randomTextParsesOrFailsWithAnExpressionErrorAndParsedTextEvaluates() {
        long seed = System.nanoTime();
        System.out.println("ExpressionGarbageTests seed: " + seed);
        Random random = new Random(seed);
        AnswerSheet sheet = new AnswerSheet().with("a", "3").with("b(1)", "1").with("week_12:a", "").with("x", "x");
        int parsed = 0;
        for (int i = 0; i < 20_000; i++) {
            String text = random.nextInt(4) == 0 ? randomCharacters(random) : randomPieces(random);
            Expression expression;
            try {
                expression = Expression.parse(text);
            } catch (ExpressionError error) {
                assertThat(error.position()).as("seed %d, text %s", seed, text).isBetween(0, text.length());
                continue;
            } catch (RuntimeException | StackOverflowError other) {
                throw new AssertionError("seed " + seed + ", text: " + text, other);
            }
            parsed++;
            try {
                expression.evaluate(sheet).asText();
            } catch (RuntimeException | StackOverflowError other) {
                throw new AssertionError("seed " + seed + ", evaluating: " + text, other);
            }
        }
        assertThat(parsed).as("enough random text parses for evaluation to be exercised").isGreaterThan(100);
    }

    private static String randomPieces(Random random) {
        StringBuilder text = new StringBuilder();
        int pieces = 1 + random.nextInt(30);
        for (int i = 0; i < pieces; i++) {
            text.append(PIECES[random.nextInt(PIECES.length)]);
        }
        return text.toString();
    }

    private static String randomCharacters(Random random) {
        StringBuilder text = new StringBuilder();
        int length = random.nextInt(60);
        for (int i = 0; i < length; i++) {
            text.append((char) (random.nextInt(10) == 0 ? random.nextInt(0x10000) : 32 + random.nextInt(95)));
        }
        return text.toString();
    }
}
