package org.researchportal.analysis;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The items of the Consensus on Exercise Reporting Template (CERT; Slade SC, Dionne CE, Underwood M, Buchbinder R.
 * Br J Sports Med 2016;50:1428-1437): 16 items, 19 with the sub-items 7a/7b, 14a/14b and 16a/16b, in seven
 * sections. Each says where the portal's report takes it from: the programme data, the team, or both (the data
 * gives what the portal recorded, the team adds what it cannot know). The wording is in the bundles
 * ({@link #messageKey()}), in both languages.
 */
public enum CertItem {

    ITEM_1("1", Section.WHAT_MATERIALS, From.BOTH),
    ITEM_2("2", Section.WHO_PROVIDER, From.BOTH),
    ITEM_3("3", Section.HOW_DELIVERY, From.BOTH),
    ITEM_4("4", Section.HOW_DELIVERY, From.BOTH),
    ITEM_5("5", Section.HOW_DELIVERY, From.DATA),
    ITEM_6("6", Section.HOW_DELIVERY, From.BOTH),
    ITEM_7A("7a", Section.HOW_DELIVERY, From.BOTH),
    ITEM_7B("7b", Section.HOW_DELIVERY, From.DATA),
    ITEM_8("8", Section.HOW_DELIVERY, From.DATA),
    ITEM_9("9", Section.HOW_DELIVERY, From.DATA),
    ITEM_10("10", Section.HOW_DELIVERY, From.BOTH),
    ITEM_11("11", Section.HOW_DELIVERY, From.DATA),
    ITEM_12("12", Section.WHERE_LOCATION, From.TEAM),
    ITEM_13("13", Section.WHEN_HOW_MUCH_DOSAGE, From.DATA),
    ITEM_14A("14a", Section.TAILORING, From.DATA),
    ITEM_14B("14b", Section.TAILORING, From.BOTH),
    ITEM_15("15", Section.TAILORING, From.BOTH),
    ITEM_16A("16a", Section.HOW_WELL, From.DATA),
    ITEM_16B("16b", Section.HOW_WELL, From.DATA);

    /** The template's sections: what, who, how, where, when and how much, tailoring, how well. */
    public enum Section {
        WHAT_MATERIALS, WHO_PROVIDER, HOW_DELIVERY, WHERE_LOCATION, WHEN_HOW_MUCH_DOSAGE, TAILORING, HOW_WELL;

        public String messageKey() {
            return "cert.section." + name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /** Where the report takes an item from. */
    public enum From {
        DATA, TEAM, BOTH;

        public String messageKey() {
            return "cert.from." + name().toLowerCase(Locale.ROOT);
        }

        /** Whether the team's text is needed for the item to be complete. */
        public boolean needsTeam() {
            return this != DATA;
        }

        /** Whether the portal's data fills (part of) the item. */
        public boolean fromData() {
            return this != TEAM;
        }
    }

    private final String number;
    private final Section section;
    private final From from;

    CertItem(String number, Section section, From from) {
        this.number = number;
        this.section = section;
        this.from = from;
    }

    /** As the checklist numbers it: "1" to "16", "7a", "14b". */
    public String number() {
        return number;
    }

    public Section section() {
        return section;
    }

    public From from() {
        return from;
    }

    /** The item's wording, as the checklist words it. */
    public String messageKey() {
        return "cert.item." + number;
    }

    public static Optional<CertItem> ofNumber(String number) {
        return Arrays.stream(values()).filter(i -> i.number.equals(number)).findFirst();
    }
}
