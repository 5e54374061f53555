package org.researchportal.base.ui;

/** Link targets that phones and softphones act on. */
public final class Links {

    private Links() {
    }

    /** A {@code tel:} link for a phone number as people write it ("+86 138 0000 0001"). */
    public static String tel(String phone) {
        return "tel:" + phone.replaceAll("[^+0-9]", "");
    }
}
