package org.researchportal.quality.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import org.researchportal.assessments.AdverseEventService;
import org.researchportal.assessments.AssessmentRecord;
import org.researchportal.assessments.AssessmentService;
import org.researchportal.assessments.InstrumentLibrary;
import org.researchportal.base.clinical.ClinicalForm;
import org.researchportal.identity.Reauthentications;
import org.researchportal.participants.ParticipantRecord;
import org.researchportal.quality.SignatureRecord;
import org.researchportal.quality.SignatureScope;
import org.researchportal.quality.Signatures;
import org.researchportal.study.StudyService;
import org.researchportal.study.Timepoint;

/**
 * A participant's signable data on their record: each timepoint with recorded instruments and their adverse events,
 * each with its signatures (voided ones struck through) and, for the principal investigator, "Sign" where no valid
 * signature covers the data as it is now.
 */
final class SignaturesPanel extends Composite<Div> {

    SignaturesPanel(ParticipantRecord record, Signatures signatures, Reauthentications reauthentications,
            StudyService studies, AssessmentService assessments, AdverseEventService adverseEvents,
            InstrumentLibrary library, Runnable reload) {
        Div card = getContent();
        card.addClassNames("card", "participant-signatures");
        card.add(new H2(getTranslation("signature.title")));
        boolean investigator = signatures.maySign(record.studyId());
        List<SignatureRecord> all = signatures.ofParticipant(record.id());
        Map<String, List<String>> instruments = new LinkedHashMap<>();
        List<Timepoint> schedule = studies.schedule(record.studyId());
        List<AssessmentRecord> recorded = assessments.assessmentsOf(record.studyId(), List.of(record.id()));
        for (Timepoint t : schedule) {
            recorded.stream().filter(a -> a.timepoint().equals(t.code())).map(AssessmentRecord::instrument)
                    .sorted().forEach(i -> instruments.computeIfAbsent(t.code(), c -> new ArrayList<>()).add(i));
        }
        int rows = 0;
        for (var entry : instruments.entrySet()) {
            Timepoint t = schedule.stream().filter(s -> s.code().equals(entry.getKey())).findFirst().orElseThrow();
            String label = getLocale().getLanguage().equals("zh") && !t.labelZh().isBlank() ? t.labelZh()
                    : t.label();
            var keys = new TreeSet<String>();
            entry.getValue().forEach(i -> keys.add(ClinicalForm.instrument(record.studyId(), record.id(), t.code(), i)
                    .key()));
            // Each instrument by its name in the reader's language, as the entry form names it.
            String what = label + ": " + String.join(", ", entry.getValue().stream().map(code -> library.instrument(
                    code).map(i -> i.name().in(getLocale())).orElse(code)).toList());
            card.add(row(what, record.id(), t.code(), keys, all.stream().filter(s -> s
                    .scope() == SignatureScope.TIMEPOINT
                    && Objects.equals(s.timepoint(), t.code())).toList(), investigator, signatures, reauthentications,
                    reload));
            rows++;
        }
        var events = adverseEvents.ofParticipant(record.id());
        if (!events.isEmpty()) {
            var keys = new TreeSet<String>();
            events.forEach(e -> keys.add(ClinicalForm.adverseEvent(record.studyId(), record.id(), e.id()).key()));
            card.add(row(getTranslation("signature.adverse-events", events.size()), record.id(), null, keys,
                    all.stream().filter(s -> s.scope() == SignatureScope.ADVERSE_EVENTS).toList(), investigator,
                    signatures, reauthentications, reload));
            rows++;
        }
        if (rows == 0) {
            card.add(new Paragraph(getTranslation("signature.nothing-yet")));
        }
    }

    private Div row(String what, String participantId, @Nullable String timepoint, TreeSet<String> forms,
            List<SignatureRecord> signatures, boolean investigator, Signatures service,
            Reauthentications reauthentications, Runnable reload) {
        var row = new Div();
        row.addClassName("signature-row");
        var title = new Span(what);
        title.addClassName("signature-what");
        row.add(title);
        boolean covered = signatures.stream().anyMatch(s -> s.valid() && s.forms().containsAll(forms));
        if (signatures.isEmpty()) {
            var none = new Span(getTranslation("signature.unsigned"));
            none.addClassName("signature-unsigned");
            row.add(none);
        }
        signatures.forEach(s -> row.add(new Div(new SignatureLine(s))));
        if (investigator && !covered) {
            var sign = new Button(getTranslation("signature.sign"), e -> new SignDialog(participantId, timepoint, what,
                    service, reauthentications, reload).open());
            sign.addClassName("signature-sign");
            row.add(sign);
        }
        return row;
    }
}
