package org.researchportal.messaging;

/**
 * How many SMS a text costs. Texts in the GSM-7 alphabet take 160 characters in one SMS (153 per part when split,
 * and the extension characters such as { } [ ] ~ € count twice); anything else, Chinese included, is sent as UCS-2:
 * 70 characters in one SMS, 67 per part.
 */
public record SmsSegments(boolean unicode, int characters, int segments) {

    private static final String GSM7_BASIC = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
    private static final String GSM7_EXTENSION = "^{}\\[~]|€\f";

    public static SmsSegments of(String text) {
        int gsmLength = 0;
        boolean unicode = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (GSM7_BASIC.indexOf(c) >= 0) {
                gsmLength++;
            } else if (GSM7_EXTENSION.indexOf(c) >= 0) {
                gsmLength += 2;
            } else {
                unicode = true;
                break;
            }
        }
        if (unicode) {
            // UCS-2 counts UTF-16 code units: a character outside the basic plane (an emoji) takes two.
            int units = text.length();
            return new SmsSegments(true, units, units <= 70 ? 1 : (units + 66) / 67);
        }
        return new SmsSegments(false, gsmLength, gsmLength <= 160 ? 1 : (gsmLength + 152) / 153);
    }
}
