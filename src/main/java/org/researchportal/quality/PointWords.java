package org.researchportal.quality;

import java.util.Locale;
import java.util.Optional;
import org.researchportal.assessments.AssessmentService;
import org.researchportal.assessments.InstrumentLibrary;
import org.researchportal.base.clinical.DataPoint;
import org.researchportal.base.clinical.FormKind;
import org.researchportal.base.ui.PortalTranslations;
import org.researchportal.study.StudyService;
import org.springframework.stereotype.Component;

/**
 * A data point named for a person in their language: "BPI · Week 8 · Worst pain in the last 24 hours", "Adverse
 * event · Grade". An instrument's names are read with the reader's authority (roles that read instruments); other
 * forms are named from the translations alone.
 */
@Component
public class PointWords {

    private final InstrumentLibrary instruments;
    private final StudyService studies;

    PointWords(InstrumentLibrary instruments, StudyService studies) {
        this.instruments = instruments;
        this.studies = studies;
    }

    /** The form's name, with the timepoint for an instrument. */
    public String form(DataPoint point, Locale locale) {
        var form = point.form();
        if (form.kind() != FormKind.INSTRUMENT) {
            return text(form.kind().messageKey(), locale).orElse(form.kind().code());
        }
        String name = instruments.acrossVersions(form.form()).map(i -> i.name().in(locale)).orElse(form.form());
        String timepoint = studies.schedule(form.studyId()).stream().filter(t -> t.code().equals(form.occasion()))
                .findFirst().map(t -> zh(locale) ? t.labelZh() : t.label()).orElse(form.occasion());
        return name + " · " + timepoint;
    }

    /** The field's name: an instrument item's label, or a form field's translated name. */
    public String item(DataPoint point, Locale locale) {
        var form = point.form();
        if (form.kind() == FormKind.INSTRUMENT) {
            if (AssessmentService.ASSESSED_ON.equals(point.item())) {
                return text("entry.assessed-on", locale).orElse(point.item());
            }
            return instruments.acrossVersions(form.form()).flatMap(i -> i.item(point.item()))
                    .map(i -> i.label().in(locale)).orElse(point.item());
        }
        return text("query.field." + point.item(), locale).orElse(point.item());
    }

    public String of(DataPoint point, Locale locale) {
        return form(point, locale) + " · " + item(point, locale);
    }

    private static Optional<String> text(String key, Locale locale) {
        return PortalTranslations.find(key, locale);
    }

    private static boolean zh(Locale locale) {
        return locale.getLanguage().equals("zh");
    }
}
