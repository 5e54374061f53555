package org.researchportal.assessments;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The outcome instruments RE-MS measures (the field's outcomes in the Cochrane review: pain, stiffness, grip
 * strength, aromatase-inhibitor adherence, quality of life), kept as a REDCap data dictionary
 * ({@code instruments/standard-instruments.csv}) and read as an institution's own would be. The quality-of-life slot
 * holds a short demo questionnaire; an institution loads its licensed instrument in the same shape.
 */
public final class StandardInstruments {

    static final String DICTIONARY = "/instruments/standard-instruments.csv";

    private static final List<Instrument> ALL = DataDictionary.read(dictionary()).instruments();

    private StandardInstruments() {
    }

    /** The dictionary as it ships, byte for byte. */
    static String dictionary() {
        try (InputStream in = StandardInstruments.class.getResourceAsStream(DICTIONARY)) {
            if (in == null) {
                throw new IllegalStateException(DICTIONARY + " is missing from the build");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static List<Instrument> all() {
        return ALL;
    }

    public static Instrument briefPainInventory() {
        return named("bpi_sf");
    }

    public static Instrument stiffness() {
        return named("stiffness");
    }

    public static Instrument gripStrength() {
        return named("grip");
    }

    public static Instrument adherence() {
        return named("ai_adherence");
    }

    public static Instrument demoQualityOfLife() {
        return named("qol_demo");
    }

    private static Instrument named(String code) {
        return ALL.stream().filter(i -> i.code().equals(code)).findFirst().orElseThrow();
    }
}
