package org.researchportal.exercise;

import com.vaadin.flow.i18n.I18NProvider;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.TextStyle;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.researchportal.base.NotFoundException;
import org.researchportal.base.security.Authorities;
import org.researchportal.base.security.CurrentUser;
import org.researchportal.base.ui.Formats;
import org.researchportal.participants.ParticipantRef;
import org.springframework.security.access.annotation.Secured;
import org.springframework.stereotype.Service;

/**
 * A participant's programme as a printable PDF handout, in English or Simplified Chinese: when and how much, then
 * each exercise with its method, what to take care of and when to stop, from the manual edition the programme
 * follows. The therapist prints it for the participant; the participant can download their own.
 */
@Service
public class ProgrammeHandouts {

    private final Prescriptions prescriptions;
    private final ParticipantProgramme ownProgramme;
    private final PictureLibrary media;
    private final I18NProvider translations;
    private final Clock clock;

    ProgrammeHandouts(Prescriptions prescriptions, ParticipantProgramme ownProgramme, PictureLibrary media,
            I18NProvider translations, Clock clock) {
        this.prescriptions = prescriptions;
        this.ownProgramme = ownProgramme;
        this.media = media;
        this.translations = translations;
        this.clock = clock;
    }

    @Secured({Authorities.THERAPIST, Authorities.CLINICIAN})
    public byte[] handout(String participantId, Locale language) {
        OwnProgramme programme = prescriptions.programmeWithManual(participantId);
        return render(programme.participant(), programme.programme(), programme.manual(),
                media.pictures(programme.participant().studyId()), language);
    }

    /** The signed-in participant's own handout (exercise arm only), in their language. */
    @Secured(Authorities.PARTICIPANT)
    public byte[] myHandout() {
        OwnProgramme own = ownProgramme.myProgramme();
        return render(own.participant(), own.programme(), own.manual(), media.myPictures(),
                CurrentUser.require().locale());
    }

    private byte[] bytesOf(PictureRef picture) {
        try (var in = media.openPicture(picture.id()).open()) {
            return in.readAllBytes();
        } catch (IOException | NotFoundException missing) {
            // The handout prints without it rather than not at all.
            return new byte[0];
        }
    }

    private byte[] render(ParticipantRef participant, Programme programme, ExerciseManual manual,
            Map<String, List<PictureRef>> pictures, Locale language) {
        DosageText.Words words = (key, params) -> translations.getTranslation(key, language, params);
        String title = words.of("handout.title");
        try (var pdf = new HandoutLayout(title, language)) {
            pdf.heading(title, 18);
            pdf.paragraph(participant.displayName() + (participant.studyNumber() == null ? ""
                    : " · " + participant.studyNumber()));
            String days = programme.getWeekdays().stream().sorted(Comparator.naturalOrder())
                    .map(d -> d.getDisplayName(TextStyle.FULL, language)).collect(Collectors.joining(", "));
            pdf.paragraph(words.of("handout.schedule", Formats.date(programme.getStartDate(), language), days));
            if (manual.isDemoContent()) {
                pdf.emphasis(words.of("handout.demo"));
            }
            pdf.space(4);
            pdf.warning(words.of("handout.general-safety"));
            Map<String, ManualExercise> byCode = manual.getExercises().stream()
                    .collect(Collectors.toMap(ManualExercise::code, e -> e));
            int n = 0;
            for (ManualExercise.Phase phase : ManualExercise.Phase.values()) {
                List<ProgrammeItem> items = programme.getItems().stream().filter(i -> byCode.containsKey(i.exercise())
                        && byCode.get(i.exercise()).phase() == phase).toList();
                if (items.isEmpty()) {
                    continue;
                }
                pdf.heading(words.of(phase.messageKey()), 14);
                for (ProgrammeItem item : items) {
                    ManualExercise e = byCode.get(item.exercise());
                    n++;
                    pdf.heading(n + ". " + e.title().in(language), 12);
                    pdf.paragraph(DosageText.of(words, item.dosage()) + " · " + words.of("exercise.level", item.level())
                            + " · " + words.of(e.region().messageKey()));
                    pdf.paragraph(e.purpose().in(language));
                    // The first picture shows the position; the rest stay on screen, so the handout stays short.
                    pictures.getOrDefault(e.code(), List.of()).stream().findFirst()
                            .ifPresent(picture -> pdf.picture(bytesOf(picture), picture.description().in(language)));
                    for (int step = 0; step < e.steps().size(); step++) {
                        pdf.numbered(step + 1, e.steps().get(step).in(language));
                    }
                    pdf.paragraph(words.of("exercise.safety") + " " + e.safety().in(language));
                    pdf.warning(words.of("exercise.stop-rule") + " " + e.stopRule().in(language));
                }
            }
            LocalDate today = LocalDate.now(clock.withZone(ZoneId.of(participant.timeZone())));
            return pdf.finish(words.of("handout.footer", manual.getEdition(), Formats.date(today, language)));
        }
    }
}
