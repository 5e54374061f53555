package org.researchportal.assessments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.researchportal.base.ValidationException;

/** REDCap's data dictionary both ways: the standard instruments byte for byte, and a bad row named with its column. */
class DataDictionaryTests {

    private static final String HEADER = "\"Variable / Field Name\",\"Form Name\",\"Section Header\",\"Field Type\","
            + "\"Field Label\",\"Choices, Calculations, OR Slider Labels\",\"Field Note\","
            + "\"Text Validation Type OR Show Slider Number\",\"Text Validation Min\",\"Text Validation Max\","
            + "Identifier?,\"Branching Logic (Show field only if...)\",\"Required Field?\",\"Custom Alignment\","
            + "\"Question Number (surveys only)\",\"Matrix Group Name\",\"Matrix Ranking?\",\"Field Annotation\"\n";
    private static final String RECORD_ID = "record_id,demographics,,text,\"Study ID\",,,,,,,,,,,,,\n";

    @Test
    void theStandardInstrumentsRoundTripByteForByte() {
        String shipped = StandardInstruments.dictionary();
        assertThat(shipped).startsWith(HEADER).endsWith("\n").doesNotContain("\r");
        List<Instrument> read = DataDictionary.read(shipped).instruments();
        assertThat(read).extracting(Instrument::code).containsExactly("bpi_sf", "stiffness", "grip", "ai_adherence",
                "qol_demo");
        assertThat(DataDictionary.write(read)).isEqualTo(shipped);
        // With the byte-order mark REDCap's download starts with, the same instruments.
        assertThat(DataDictionary.read("\uFEFF" + shipped).instruments()).isEqualTo(read);
        read.forEach(InstrumentRules::check);
    }

    @Test
    void whatRedcapHasNoColumnForTravelsInTheAnnotation() {
        Instrument bpi = StandardInstruments.briefPainInventory();
        assertThat(bpi.name()).isEqualTo(new Wording("Brief Pain Inventory (short form)", "简明疼痛量表（简表）"));
        Item worst = bpi.item("worst").orElseThrow();
        assertThat(worst.type()).isEqualTo(ItemType.SCALE);
        assertThat(worst.label().zh()).isEqualTo("过去24小时最严重的疼痛");
        assertThat(worst.choices()).containsExactly(new Choice("0", new Wording("No pain", "不痛")),
                new Choice("10", new Wording("Pain as bad as you can imagine", "能想象的最剧烈疼痛")));
        assertThat(StandardInstruments.stiffness().item("morning_minutes").orElseThrow().unit()).isEqualTo("min");
        assertThat(StandardInstruments.adherence().item("stopped_on").orElseThrow().showWhen())
                .isEqualTo("[still_taking] = '0'");
    }

    @Test
    void quotesAndCommasInWordsSurviveTheRoundTrip() {
        Item item = new Item("feeling", ItemType.SINGLE_CHOICE, new Wording("How do you feel, \"today\"?",
                "您今天感觉“如何”？\"引号\""), new Wording("Tick one", null), null, null, null, List.of(
                        new Choice("1", new Wording("Well, mostly", "大多还好")), new Choice("-1", new Wording(
                                "Not well", null))), true, null, null, new Wording("Part 1", "第一部分"), false,
                "@HIDDEN-SURVEY");
        Instrument instrument = new Instrument("mood_check", new Wording("Mood \"check\"", "情绪"), List.of(item),
                null);
        String csv = DataDictionary.write(List.of(instrument));
        assertThat(DataDictionary.read(csv).instruments()).containsExactly(instrument);
    }

    @Test
    void aLongChineseLabelRoundTrips() {
        Item item = new Item("long_question", ItemType.TEXT, new Wording("Long", "长".repeat(2000)), null, null, null,
                null, List.of(), false, null, null, null, false, null);
        Instrument instrument = new Instrument("long_form", new Wording("Long form", null), List.of(item), null);
        InstrumentRules.check(instrument);
        assertThat(DataDictionary.read(DataDictionary.write(List.of(instrument))).instruments())
                .containsExactly(instrument);
    }

    @Test
    void theRulesRefuseWhatWouldNotSurviveRedcap() {
        java.util.function.Function<List<Choice>, Instrument> withChoices = choices -> new Instrument("symptoms",
                new Wording("Symptoms", null), List.of(new Item("which", ItemType.MULTIPLE_CHOICE, new Wording(
                        "Which", null), null, null, null, null, choices, false, null, null, null, false, null)),
                null);
        // REDCap names a checkbox's columns which___a: "A" and "a" would be one column.
        assertThatThrownBy(() -> InstrumentRules.check(withChoices.apply(List.of(new Choice("A", new Wording("Ache",
                null)), new Choice("a", new Wording("Aura", null)))))).isInstanceOfSatisfying(
                        ValidationException.class, e -> assertThat(e.fieldMessageKeys()).containsEntry(
                                "items.0.choices", "instrument.item.choices.invalid"));
        // "|" separates choices in the dictionary: a label holding one would read back as two choices.
        assertThatThrownBy(() -> InstrumentRules.check(withChoices.apply(List.of(new Choice("1", new Wording(
                "Left | right", null)))))).isInstanceOf(ValidationException.class);
        // Branching reads answers: a score is computed after, so a condition on it would never hold.
        Instrument grip = StandardInstruments.gripStrength();
        List<Item> items = new java.util.ArrayList<>(grip.items());
        items.add(new Item("retest", ItemType.YES_NO, new Wording("Retest", null), null, null, null, null, List.of(),
                false, "[right_max] < 10", null, null, false, null));
        assertThatThrownBy(() -> InstrumentRules.check(new Instrument("grip", grip.name(), items, grip.note())))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.fieldMessageKeys())
                        .containsValue("expression.unknown-item"));
    }

    @Test
    void aDictionaryExportedByRedcapComesIn() {
        String csv = HEADER + RECORD_ID
                + "sex,demographics,,radio,Gender,\"0, Female|1, Male\",,,,,y,,y,RH,,,,\n"
                + "height,health,\"Body size\",text,\"Height (cm)\",,,number,130,215,,,,,,,,\n"
                + "bmi,health,,calc,BMI,\"round(([weight]*10000)/(([height])^(2)),1)\",,,,,,,,,,,,\n"
                + "weight,health,,text,\"Weight (kg)\",,,integer,35,200,,,,,,,,\n"
                + "pain,health,,slider,Pain,\"None | Some | Worst\",,number,,,,\"[height] > 150\",,,,,,\n";
        List<Instrument> read = DataDictionary.read(csv).instruments();
        assertThat(read).extracting(Instrument::code).containsExactly("demographics", "health");
        assertThat(read.getFirst().name().en()).as("REDCap's label for a form without one").isEqualTo(
                "Demographics");
        Item sex = read.getFirst().item("sex").orElseThrow();
        assertThat(sex.choices()).extracting(Choice::code).containsExactly("0", "1");
        assertThat(sex.identifier()).isTrue();
        Item pain = read.get(1).item("pain").orElseThrow();
        assertThat(pain.min()).isEqualTo(0.0);
        assertThat(pain.max()).as("REDCap's slider runs to 100 unless told").isEqualTo(100.0);
        assertThat(pain.choices()).extracting(Choice::code).containsExactly("0", "50", "100");
    }

    @Test
    void aBadRowIsRefusedWithItsRowColumnAndReason() {
        assertRefused(HEADER + RECORD_ID + "when,demographics,,text,When,,,datetime_ymd,,,,,,,,,,\n", 3,
                "Text Validation Type OR Show Slider Number", "dictionary.validation", "datetime_ymd");
        assertRefused(HEADER + RECORD_ID + "photo,demographics,,file,Photo,,,,,,,,,,,,,\n", 3, "Field Type",
                "dictionary.field-type", "file");
        assertRefused(HEADER + RECORD_ID + "a,demographics,,radio,A,\"1, Yes\",,,,,,,,,,grid,,\n", 3,
                "Matrix Group Name", "dictionary.matrix");
        assertRefused(HEADER + RECORD_ID + "a,demographics,,text,A,,,,,,,,\n", 3, "Custom Alignment",
                "dictionary.column-count", 13, 18);
        assertRefused(HEADER + RECORD_ID + "a,health,,yesno,A,,,,,,,,,,,,,\nb,demographics,,yesno,B,,,,,,,,,,,,,\n",
                4, "Form Name", "dictionary.form.split", "demographics");
        assertRefused(HEADER + RECORD_ID + "a,demographics,,yesno,A,,,,,,,,maybe,,,,,\n", 3, "Required Field?",
                "dictionary.flag", "maybe");
        assertRefused(HEADER.replace("Identifier?", "Identifier") + RECORD_ID, 1, "Identifier?", "dictionary.header",
                "Identifier?");
        assertRefused(HEADER + RECORD_ID + "a,demographics,,text,\"never closed,,,,,,,,,,,,,\n", 3,
                "Variable / Field Name", "dictionary.not-csv");
    }

    @Test
    void anItemTheRulesRefuseIsNamedByItsRowAndColumn() {
        // Branching may only look back: [b] comes after a.
        String csv = HEADER + RECORD_ID + "a,demographics,,yesno,A,,,,,,,\"[b] = '1'\",,,,,,\n"
                + "b,demographics,,yesno,B,,,,,,,,,,,,,\n";
        ValidationException refusal = refusalOf(csv);
        assertThat(refusal.fieldMessageKeys()).containsEntry("file", "dictionary.row").containsEntry("reason",
                "expression.unknown-item");
        assertThat(refusal.arguments("file")).containsExactly(3, "Branching Logic (Show field only if...)");
        assertThat(refusal.arguments("reason")).containsExactly("b", 1);

        ValidationException badRange = refusalOf(HEADER + RECORD_ID
                + "a,demographics,,text,A,,,integer,10,1,,,,,,,,\n");
        assertThat(badRange.arguments("file")).containsExactly(3, "Text Validation Min");
        assertThat(badRange.fieldMessageKeys()).containsEntry("reason", "instrument.item.range.invalid");
    }

    private static ValidationException refusalOf(String csv) {
        try {
            DataDictionary.read(csv).check(InstrumentRules::check);
        } catch (ValidationException refusal) {
            return refusal;
        }
        throw new AssertionError("not refused");
    }

    private static void assertRefused(String csv, int row, String column, String reason, Object... arguments) {
        assertThatThrownBy(() -> DataDictionary.read(csv)).isInstanceOfSatisfying(ValidationException.class, e -> {
            assertThat(e.fieldMessageKeys()).isEqualTo(Map.of("file", "dictionary.row", "reason", reason));
            assertThat(e.arguments("file")).containsExactly(row, column);
            assertThat(e.arguments("reason")).containsExactly(arguments);
        });
    }
}
