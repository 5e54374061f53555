package org.researchportal.base.expression;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ExpressionEvaluationTests {

    private static final String BPI_INTERFERENCE = "if(count([a],[b],[c],[d],[e],[f],[g]) >= 4, "
            + "mean([a],[b],[c],[d],[e],[f],[g]), \"\")";

    @Test
    void bpiInterferenceIsTheMeanOfTheAnsweredItemsWhenAtLeastFourOfSevenAreAnswered() {
        AnswerSheet four = new AnswerSheet().with("a", "2").with("b", "5").with("d", "3").with("g", "6");
        assertThat(four.evaluate(BPI_INTERFERENCE).asNumber()).hasValue(4.0);
        assertThat(four.evaluate(BPI_INTERFERENCE).asText()).isEqualTo("4");

        AnswerSheet three = new AnswerSheet().with("a", "2").with("b", "5").with("d", "3").with("g", "");
        assertThat(three.evaluate(BPI_INTERFERENCE).isBlank()).isTrue();
        assertThat(three.evaluate(BPI_INTERFERENCE).asText()).isEmpty();

        AnswerSheet seven = new AnswerSheet().with("a", "1").with("b", "2").with("c", "2").with("d", "3")
                .with("e", "4").with("f", "5").with("g", "6");
        assertThat(seven.evaluate(BPI_INTERFERENCE).asNumber()).hasValue(23.0 / 7);
    }

    @Test
    void redcapBranchingLogicReadsAsWritten() {
        AnswerSheet sheet = new AnswerSheet().with("still_taking", "0").with("a", "4").with("b", "2")
                .with("c(2)", "1").with("c(3)", "0");
        assertThat(sheet.evaluate("[still_taking] = '0'").isTrue()).isTrue();
        assertThat(sheet.evaluate("[still_taking] = \"1\"").isTrue()).isFalse();
        assertThat(sheet.evaluate("[a] > 3 and ([b] = '1' or [c(2)] = '1')").isTrue()).isTrue();
        assertThat(sheet.evaluate("[a] > 3 AND ([b] = '1' Or [c(3)] = '1')").isTrue()).isFalse();
        assertThat(sheet.evaluate("[a] > 4 and ([b] = '1' or [c(2)] = '1')").isTrue()).isFalse();
        assertThat(sheet.evaluate("not([a] > 3)").isTrue()).isFalse();
        assertThat(sheet.evaluate("not [b] = '1'").isTrue()).isTrue();
        assertThat(sheet.evaluate("[a]\u00a0>\u00a03\r\nand\t[b] = 2").isTrue()).as("pasted spaces and lines").isTrue();
    }

    @Test
    void aReferenceQualifiedByAnEventReadsThatEventsAnswer() {
        AnswerSheet sheet = new AnswerSheet().with("grip_r1", "30").with("week_12:grip_r1", "34.5");
        Expression expression = Expression.parse("[week_12][grip_r1] - [grip_r1]");
        assertThat(expression.evaluate(sheet).asNumber()).hasValue(4.5);
        assertThat(expression.references()).containsExactly(new Reference("week_12", "grip_r1", null, 0),
                new Reference(null, "grip_r1", null, 21));
        assertThat(Expression.parse("[week_12][c(2)]").references())
                .containsExactly(new Reference("week_12", "c", "2", 0));
    }

    @Test
    void arithmeticWithABlankIsBlank() {
        AnswerSheet sheet = new AnswerSheet().with("a", "3").with("b", "").with("t", "abc");
        assertThat(sheet.evaluate("[a] + 1").asNumber()).hasValue(4.0);
        assertThat(sheet.evaluate("[a] + [b]").isBlank()).isTrue();
        assertThat(sheet.evaluate("[a] * [missing]").isBlank()).isTrue();
        assertThat(sheet.evaluate("-[b]").isBlank()).isTrue();
        assertThat(sheet.evaluate("[a] ^ [b]").isBlank()).isTrue();
        assertThat(sheet.evaluate("[a] + [t]").isBlank()).isTrue();
        assertThat(sheet.evaluate("sum([a], [b], 2)").asNumber()).hasValue(5.0);
        assertThat(sheet.evaluate("sum([b], [missing])").isBlank()).isTrue();
        assertThat(sheet.evaluate("mean([b])").isBlank()).isTrue();
        assertThat(sheet.evaluate("median([b], [missing])").isBlank()).isTrue();
        assertThat(sheet.evaluate("count([b], [missing])").asNumber()).hasValue(0.0);
    }

    @Test
    void divisionByZeroAndResultsThatAreNotFiniteAreBlank() {
        AnswerSheet sheet = new AnswerSheet().with("a", "3").with("zero", "0");
        assertThat(sheet.evaluate("[a] / [zero]").isBlank()).isTrue();
        assertThat(sheet.evaluate("[a] / 0.0").isBlank()).isTrue();
        assertThat(sheet.evaluate("0 / 0").isBlank()).isTrue();
        assertThat(sheet.evaluate("sqrt(-1)").isBlank()).isTrue();
        assertThat(sheet.evaluate("10 ^ 400").isBlank()).isTrue();
        assertThat(sheet.evaluate("[a] / 2").asNumber()).hasValue(1.5);
    }

    @Test
    void textThatReadsAsANumberIsThatNumber() {
        AnswerSheet sheet = new AnswerSheet().with("a", "7").with("b", " 0.5").with("choice", "01");
        assertThat(sheet.evaluate("[a] * 2").asNumber()).hasValue(14.0);
        assertThat(sheet.evaluate("[b] + .5").asNumber()).hasValue(1.0);
        assertThat(sheet.evaluate("'7' + '1'").asNumber()).hasValue(8.0);
        assertThat(sheet.evaluate("[choice] = 1").isTrue()).isTrue();
    }

    @Test
    void comparisonsAreNumericWhenBothSidesAreNumbersAndTextOtherwise() {
        AnswerSheet sheet = new AnswerSheet().with("n", "10").with("word", "apple").with("blank", "")
                .with("day", "2026-03-01");
        assertThat(sheet.evaluate("[n] > 9").isTrue()).isTrue();
        assertThat(sheet.evaluate("[n] > '9'").isTrue()).as("numeric, not '10' < '9' as text").isTrue();
        assertThat(sheet.evaluate("[word] = 'apple'").isTrue()).isTrue();
        assertThat(sheet.evaluate("[word] = 'Apple'").isTrue()).isFalse();
        assertThat(sheet.evaluate("[word] < 'banana'").isTrue()).isTrue();
        assertThat(sheet.evaluate("[n] = 'ten'").isTrue()).isFalse();
        assertThat(sheet.evaluate("[n] <> 'ten'").isTrue()).isTrue();
        assertThat(sheet.evaluate("[day] < '2026-12-06'").isTrue()).isTrue();
        assertThat(sheet.evaluate("[n] == 10 and [n] != 11").isTrue()).isTrue();
    }

    @Test
    void blankEqualsOnlyBlankAndIsNeverLessOrGreater() {
        AnswerSheet sheet = new AnswerSheet().with("blank", "").with("zero", "0");
        assertThat(sheet.evaluate("[blank] = ''").isTrue()).isTrue();
        assertThat(sheet.evaluate("[never_answered] = \"\"").isTrue()).isTrue();
        assertThat(sheet.evaluate("[zero] = ''").isTrue()).isFalse();
        assertThat(sheet.evaluate("[zero] <> ''").isTrue()).isTrue();
        assertThat(sheet.evaluate("[blank] = 0").isTrue()).isFalse();
        assertThat(sheet.evaluate("[blank] < 5").isTrue()).isFalse();
        assertThat(sheet.evaluate("[blank] > 5").isTrue()).isFalse();
        assertThat(sheet.evaluate("[blank] <= 5").isTrue()).isFalse();
        assertThat(sheet.evaluate("[blank] >= ''").isTrue()).isFalse();
    }

    @Test
    void logicReadsBlankFalseAndZeroAsFalse() {
        AnswerSheet sheet = new AnswerSheet().with("zero", "0").with("two", "2").with("word", "yes");
        assertThat(sheet.evaluate("[missing] or false or [zero] or 0").isTrue()).isFalse();
        assertThat(sheet.evaluate("[two] and true and [word]").isTrue()).isTrue();
        assertThat(sheet.evaluate("not [missing]").isTrue()).isTrue();
        assertThat(sheet.evaluate("if([missing], 'a', 'b')").asText()).isEqualTo("b");
        assertThat(sheet.evaluate("if([two], 'a', 'b')").asText()).isEqualTo("a");
        assertThat(sheet.evaluate("[two] > 1").asText()).as("stored as REDCap stores it").isEqualTo("1");
        assertThat(sheet.evaluate("[two] > 3").asText()).isEqualTo("0");
    }

    @Test
    void precedenceFollowsTheGrammar() {
        AnswerSheet sheet = new AnswerSheet();
        assertThat(sheet.evaluate("1 + 2 * 3").asNumber()).hasValue(7.0);
        assertThat(sheet.evaluate("(1 + 2) * 3").asNumber()).hasValue(9.0);
        assertThat(sheet.evaluate("10 - 4 - 3").asNumber()).hasValue(3.0);
        assertThat(sheet.evaluate("12 / 3 / 2").asNumber()).hasValue(2.0);
        assertThat(sheet.evaluate("2 * 3 ^ 2").asNumber()).hasValue(18.0);
        assertThat(sheet.evaluate("-2 ^ 2").asNumber()).hasValue(4.0);
        assertThat(sheet.evaluate("1 + 1 = 2 and 2 > 1 or false").isTrue()).isTrue();
        assertThat(sheet.evaluate("false and false or true").isTrue()).isTrue();
        assertThat(sheet.evaluate("true or true and false").isTrue()).isTrue();
    }

    @Test
    void functionsMeanWhatREDCapMeans() {
        AnswerSheet sheet = new AnswerSheet().with("x", "2.345").with("n", "-2.5").with("t", "Hand grip");
        assertThat(sheet.evaluate("round([x], 2)").asNumber()).hasValue(2.35);
        assertThat(sheet.evaluate("round([n])").asNumber()).hasValue(-3.0);
        assertThat(sheet.evaluate("roundup([x], 1)").asNumber()).hasValue(2.4);
        assertThat(sheet.evaluate("rounddown([x], 1)").asNumber()).hasValue(2.3);
        assertThat(sheet.evaluate("rounddown([n])").asNumber()).hasValue(-2.0);
        assertThat(sheet.evaluate("abs([n])").asNumber()).hasValue(2.5);
        assertThat(sheet.evaluate("sqrt(16)").asNumber()).hasValue(4.0);
        assertThat(sheet.evaluate("min(3, [x], [missing])").asNumber()).hasValue(2.345);
        assertThat(sheet.evaluate("max(3, [x], [missing])").asNumber()).hasValue(3.0);
        assertThat(sheet.evaluate("median(5, 1, 3, 2)").asNumber()).hasValue(2.5);
        assertThat(sheet.evaluate("median(5, 1, 3)").asNumber()).hasValue(3.0);
        assertThat(sheet.evaluate("isblank([missing])").isTrue()).isTrue();
        assertThat(sheet.evaluate("isblank([x])").isTrue()).isFalse();
        assertThat(sheet.evaluate("isnumber([x]) and not isnumber([t])").isTrue()).isTrue();
        assertThat(sheet.evaluate("isinteger(4) and not isinteger([x])").isTrue()).isTrue();
        assertThat(sheet.evaluate("contains([t], 'GRIP')").isTrue()).isTrue();
        assertThat(sheet.evaluate("left([t], 4)").asText()).isEqualTo("Hand");
        assertThat(sheet.evaluate("right([t], 4)").asText()).isEqualTo("grip");
        assertThat(sheet.evaluate("length([t])").asNumber()).hasValue(9.0);
        assertThat(sheet.evaluate("SUM(1, 2) + Mean(2, 4)").asNumber()).hasValue(6.0);
    }

    @Test
    void datediffIsUnsignedUnlessAskedAndCountsYearsOf365Point2425Days() {
        AnswerSheet sheet = new AnswerSheet(LocalDate.of(2026, 12, 6)).with("dob", "1980-06-15")
                .with("enrolled", "2026-03-10").with("visit", "2026-03-01").with("seen", "2026-03-01 14:30");
        assertThat(sheet.evaluate("datediff([enrolled], [visit], 'd')").asNumber()).hasValue(9.0);
        assertThat(sheet.evaluate("datediff([enrolled], [visit], 'd', 'ymd', true)").asNumber()).hasValue(-9.0);
        assertThat(sheet.evaluate("datediff([enrolled], [visit], 'd', true)").asNumber()).hasValue(-9.0);
        assertThat(sheet.evaluate("datediff([visit], [enrolled], 'd', 'ymd', true)").asNumber()).hasValue(9.0);
        assertThat(sheet.evaluate("datediff([enrolled], [visit], 'd', 'ymd', false)").asNumber()).hasValue(9.0);
        assertThat(sheet.evaluate("datediff([visit], [seen], 'h')").asNumber()).hasValue(14.5);
        assertThat(sheet.evaluate("datediff([visit], [seen], 'm')").asNumber()).hasValue(870.0);
        assertThat(sheet.evaluate("datediff('2026-01-01', '2026-01-31', 'M')").asNumber()).hasValueCloseTo(30 / 30.44,
                within(1e-12));

        long days = java.time.temporal.ChronoUnit.DAYS.between(LocalDate.of(1980, 6, 15), LocalDate.of(2026, 12, 6));
        assertThat(sheet.evaluate("datediff([dob], 'today', 'y')").asNumber()).hasValueCloseTo(days / 365.2425,
                within(1e-12));
        assertThat(sheet.evaluate("rounddown(datediff([dob], 'today', 'y'))").asNumber()).hasValue(46.0);
        assertThat(sheet.evaluate("datediff('03/01/2026', '03/10/2026', 'd', 'mdy')").asNumber()).hasValue(9.0);
        assertThat(sheet.evaluate("datediff('01/03/2026', '10/03/2026', 'd', 'dmy')").asNumber()).hasValue(9.0);

        assertThat(sheet.evaluate("datediff([missing], 'today', 'y')").isBlank()).isTrue();
        assertThat(sheet.evaluate("datediff('not a date', 'today', 'y')").isBlank()).isTrue();
        assertThat(sheet.evaluate("datediff([dob], 'today', [missing])").isBlank()).isTrue();
    }

    @Test
    void theTextComesBackExactlyAsWritten() {
        String written = "  if( COUNT([a],[b])>=1 ,\n mean( [a] , [b] ),'' )   ";
        Expression expression = Expression.parse(written);
        assertThat(expression.text()).isEqualTo(written);
        assertThat(expression.toString()).isEqualTo(written);
        assertThat(expression).isEqualTo(Expression.parse(written)).isNotEqualTo(Expression.parse(written.strip()));
    }

    @Test
    void referencesListWhatTheExpressionNamesInOrder() {
        Expression expression = Expression.parse("[b] + [a(3)] + [week_12][b] + [b]");
        assertThat(expression.references()).extracting(Reference::toString).containsExactly("[b]", "[a(3)]",
                "[week_12][b]", "[b]");
        assertThat(expression.references()).extracting(Reference::position).containsExactly(0, 6, 15, 30);
    }

    @Test
    void aLongSumNeitherOverflowsTheStackNorTakesLong() {
        String sum = "1" + "+1".repeat(1999);
        assertThat(Expression.parse(sum).evaluate(new AnswerSheet()).asNumber()).hasValue(2000.0);
    }
}
