package org.researchportal.exercise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.Set;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.researchportal.base.NotFoundException;
import org.researchportal.base.security.PortalLocales;
import org.researchportal.base.security.PortalRole;
import org.researchportal.demo.DemoManual;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

/**
 * The printed handout is a real PDF whose text reads back: every prescribed exercise with its dosage and stop rule,
 * in English or Chinese from the same programme, with the therapist's adjustment; never for the control arm.
 */
class ProgrammeHandoutsTests extends ExerciseTrialTest {

    @Autowired
    ProgrammeHandouts handouts;
    @Autowired
    PictureLibrary media;

    private static String text(byte[] pdf) throws IOException {
        assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }

    @Test
    void theHandoutListsTheProgrammeInEitherLanguageWithTheAdjustedDosage() throws IOException {
        prescribeStandard();
        ManualExercise raise = DemoManual.exercises().stream().filter(e -> e.code().equals("shoulder_raise"))
                .findFirst().orElseThrow();
        asTherapist(() -> prescriptions.adjust(exerciser, "shoulder_raise", new Dosage(3, 12, null, null), 2,
                "Ready for more"));

        byte[] png = new org.springframework.core.io.ClassPathResource("demo/forward-arm-raise-start.png")
                .getContentAsByteArray();
        asTherapist(() -> media.addPicture(study, "shoulder_raise", png, new Text("Arms by the sides", "")));
        byte[] englishPdf = asTherapist(() -> handouts.handout(exerciser, PortalLocales.ENGLISH));
        try (PDDocument document = Loader.loadPDF(englishPdf)) {
            long images = 0;
            for (var page : document.getPages()) {
                for (var name : page.getResources().getXObjectNames()) {
                    if (page.getResources().isImageXObject(name)) {
                        images++;
                    }
                }
            }
            assertThat(images).as("the exercise's picture is printed").isEqualTo(1);
        }
        String english = text(englishPdf);
        assertThat(english).contains("Arms by the sides");
        assertThat(english).contains("My home exercise programme", "Participant EX-1",
                raise.title().en(), "3 sets of 12", "level 2", raise.stopRule().en().substring(0, 40),
                "Demo content");
        DemoManual.standardProgramme().exercises().forEach(code -> assertThat(english).contains(
                DemoManual.exercises().stream().filter(e -> e.code().equals(code)).findFirst().orElseThrow()
                        .title().en()));
        assertThat(english).doesNotContainPattern("(exercise|dosage|handout)\\.[a-z]");

        String chinese = text(asTherapist(() -> handouts.handout(exerciser, PortalLocales.SIMPLIFIED_CHINESE)));
        assertThat(chinese).contains("我的居家运动方案", raise.title().zh(), raise.steps().getFirst().zh());

        signIn(exerciserAccount);
        assertThat(text(handouts.myHandout())).contains(raise.title().en());
    }

    @Test
    void noHandoutWithoutAProgrammeOrOutsideTheExerciseArm() {
        assertThatThrownBy(() -> asTherapist(() -> handouts.handout(exerciser, PortalLocales.ENGLISH)))
                .isInstanceOf(NotFoundException.class);
        prescribeStandard();
        signIn(controlAccount);
        assertThatThrownBy(handouts::myHandout).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> asSystem(tenant, Set.of(PortalRole.ASSESSOR),
                () -> handouts.handout(exerciser, PortalLocales.ENGLISH))).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void textThePortalCannotDrawStillPrints() throws IOException {
        var font = new HandoutLayout("t", java.util.Locale.ENGLISH);
        try (font) {
            // An emoji and a line break in a name: the handout prints "?" and a space instead of failing.
            assertThat(HandoutLayout.wrap("Li 🌸 Na\nsecond", fontOf(font), 11, 400)).containsExactly("Li ? Na second");
        }
    }

    private static org.apache.pdfbox.pdmodel.font.PDFont fontOf(HandoutLayout layout) {
        return layout.regularFont();
    }
}
