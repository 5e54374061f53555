package org.researchportal.quality.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.html.Span;
import org.researchportal.base.security.CurrentUser;
import org.researchportal.base.ui.Formats;
import org.researchportal.quality.SignatureRecord;

/**
 * One signature as 21 CFR 11.50 asks it shown: the signer's printed name, the date and time, and the meaning. A voided
 * one is struck through, followed by when, by whom and why it was voided.
 */
final class SignatureLine extends Composite<Span> {

    SignatureLine(SignatureRecord signature) {
        Span line = getContent();
        line.addClassName("signature-line");
        var zone = CurrentUser.get().map(u -> u.zone()).orElse(java.time.ZoneOffset.UTC);
        var signed = new Span(getTranslation("signature.signed-by", signature.signerName(),
                Formats.dateTime(signature.signedAt(), zone, getLocale()), getTranslation(signature.meaning())));
        signed.addClassName("signature-signed");
        line.add(signed);
        if (!signature.valid()) {
            signed.getStyle().set("text-decoration", "line-through");
            line.addClassName("signature-voided");
            String voided = getTranslation("signature.voided", Formats.dateTime(signature.voidedAt(), zone,
                    getLocale()), Formats.text(signature.voidedByName()));
            if (signature.voidReason() != null && !signature.voidReason().isBlank()) {
                voided += " (" + signature.voidReason() + ")";
            }
            var why = new Span(" " + voided);
            why.addClassName("signature-void-note");
            line.add(why);
        }
    }
}
