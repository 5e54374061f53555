package org.researchportal.exercise.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.researchportal.base.security.CurrentUser;
import org.researchportal.base.security.PortalRole;
import org.researchportal.base.security.Roles;
import org.researchportal.base.ui.Formats;
import org.researchportal.base.ui.Section;
import org.researchportal.base.ui.ViewToolbar;
import org.researchportal.exercise.AdherenceRules;
import org.researchportal.exercise.DosageText;
import org.researchportal.exercise.ExerciseManual;
import org.researchportal.exercise.ExerciseManuals;
import org.researchportal.exercise.ManualExercise;
import org.researchportal.exercise.MediaLibrary;
import org.researchportal.exercise.PictureLibrary;
import org.researchportal.exercise.PictureRef;
import org.researchportal.exercise.VideoCaptions;
import org.researchportal.exercise.VideoRef;
import org.researchportal.study.StudyService;
import org.researchportal.study.StudySummary;

/**
 * The study's exercise manual for staff: every exercise of the current edition with its dosage, pictures and video.
 * A therapist or administrator adds or edits an exercise and defines programme templates (each publishing a new
 * edition, the first one too), adds pictures, a video (an upload or a link) and its captions from here; a clinician
 * looks.
 */
@Route("manual")
@Menu(order = 31, icon = "BOOK", title = "menu.manual")
@RolesAllowed({Roles.THERAPIST, Roles.TENANT_ADMIN, Roles.CLINICIAN})
final class ManualLibraryView extends Main implements HasDynamicTitle {

    private final ExerciseManuals manuals;
    private final MediaLibrary media;
    private final VideoCaptions captions;
    private final PictureLibrary pictureLibrary;
    private final AdherenceRules adherenceRules;
    private final Div content = new Div();

    ManualLibraryView(ExerciseManuals manuals, MediaLibrary media, VideoCaptions captions,
            PictureLibrary pictureLibrary, StudyService studies, AdherenceRules adherenceRules) {
        this.adherenceRules = adherenceRules;
        this.manuals = manuals;
        this.media = media;
        this.captions = captions;
        this.pictureLibrary = pictureLibrary;
        addClassName("portal-view");
        add(new ViewToolbar(getTranslation("menu.manual")));
        var user = CurrentUser.require();
        // Those who keep the manual see every study, so a study without a manual can be given its first edition.
        List<StudySummary> withManual = user.hasRole(PortalRole.THERAPIST) || user.hasRole(PortalRole.TENANT_ADMIN)
                ? studies.studies() : studies.studies().stream().filter(s -> manuals.manual(s.id()).isPresent())
                        .toList();
        if (withManual.isEmpty()) {
            var notice = new Paragraph(getTranslation("manual.none"));
            notice.addClassName("portal-notice");
            add(notice);
            return;
        }
        if (withManual.size() > 1) {
            var study = new Select<StudySummary>();
            study.setLabel(getTranslation("manual.study"));
            study.setItems(withManual);
            study.setItemLabelGenerator(StudySummary::acronym);
            study.setValue(withManual.getFirst());
            study.addValueChangeListener(e -> show(e.getValue()));
            add(study);
        }
        add(content);
        show(withManual.getFirst());
    }

    private void show(@Nullable StudySummary study) {
        if (study == null) {
            return;
        }
        var user = CurrentUser.require();
        boolean keepsManual = user.hasRole(PortalRole.THERAPIST) || user.hasRole(PortalRole.TENANT_ADMIN);
        content.removeAll();
        ExerciseManual found = manuals.manual(study.id()).orElse(null);
        if (keepsManual) {
            var add = new Button(getTranslation("manual.add-exercise"), click -> new ExerciseEditDialog(manuals,
                    study.id(), null, () -> show(study)).open());
            var template = new Button(getTranslation("manual.define-template"), click -> new TemplateDialog(manuals,
                    study.id(), manuals.manual(study.id()).orElseThrow(), () -> show(study)).open());
            template.setEnabled(found != null);
            content.add(new Div(add, template), new AdherenceRuleForm(adherenceRules, study.id()));
        }
        if (found == null) {
            var notice = new Paragraph(getTranslation("manual.none-yet", study.acronym()));
            notice.addClassName("portal-notice");
            content.add(notice);
            return;
        }
        ExerciseManual manual = found;
        Map<String, VideoRef> byExercise = media.videos(study.id());
        Map<String, List<PictureRef>> pictures = pictureLibrary.pictures(study.id());
        var edition = new Paragraph(getTranslation("manual.edition", study.acronym(), manual.getEdition(),
                Formats.date(manual.getPublishedAt().atZone(user.zone()).toLocalDate(), getLocale()))
                + (manual.isDemoContent() ? " · " + getTranslation("manual.demo-content") : ""));
        var grid = new Grid<ManualExercise>();
        // Columns share the width (cells wrap) so the actions stay on screen without scrolling sideways.
        grid.addColumn(e -> e.title().in(getLocale())).setHeader(getTranslation("manual.exercise")).setFlexGrow(2);
        grid.addColumn(e -> getTranslation(e.phase().messageKey()) + " · " + getTranslation(e.region().messageKey()))
                .setHeader(getTranslation("manual.phase-region")).setFlexGrow(2);
        grid.addColumn(e -> DosageText.of(this::getTranslation, e.dosage())).setHeader(getTranslation("manual.dosage"))
                .setFlexGrow(2);
        grid.addColumn(e -> videoText(byExercise.get(e.code())))
                .setHeader(getTranslation("manual.video")).setKey("video").setFlexGrow(2);
        grid.addColumn(e -> pictures.getOrDefault(e.code(), List.of()).size())
                .setHeader(getTranslation("manual.pictures")).setWidth("6rem").setFlexGrow(0);
        grid.addComponentColumn(e -> {
            var open = new Button(getTranslation(keepsManual ? "video.manage" : "video.preview"),
                    click -> new MediaDialog(media, captions, pictureLibrary, study.id(), e, byExercise.get(e.code()),
                            pictures.getOrDefault(e.code(), List.of()), keepsManual, () -> show(study)).open());
            open.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            open.setEnabled(keepsManual || byExercise.containsKey(e.code()) || pictures.containsKey(e.code()));
            if (!keepsManual) {
                return open;
            }
            var edit = new Button(getTranslation("manual.edit"), click -> new ExerciseEditDialog(manuals, study.id(),
                    e, () -> show(study)).open());
            edit.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            return new Div(edit, open);
        }).setKey("actions").setWidth("16rem").setFlexGrow(0);
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setItems(manual.getExercises());
        grid.setAllRowsVisible(true);
        content.add(new Section(getTranslation("manual.exercises"), edition, grid));
        var templates = new Div();
        manual.getTemplates().forEach(t -> templates.add(new Paragraph(getTranslation("manual.template.row",
                t.name().in(getLocale()), t.exercises().size(), t.sessionsPerWeek()))));
        if (manual.getTemplates().isEmpty()) {
            templates.add(new Paragraph(getTranslation("manual.templates.none")));
        }
        content.add(new Section(getTranslation("manual.templates"), templates));
    }

    private String videoText(@Nullable VideoRef video) {
        if (video == null) {
            return getTranslation("video.none");
        }
        String captions = video.captionLanguages().isEmpty() ? getTranslation("video.no-captions")
                : getTranslation("video.captions-in", String.join(", ", video.captionLanguages().stream()
                        .map(l -> getTranslation("language." + l)).toList()));
        return switch (video.source()) {
            case UPLOAD -> getTranslation("video.uploaded", Formats.fileSize(video.size())) + " · " + captions;
            case LINK -> getTranslation("video.linked", video.host());
        };
    }

    @Override
    public String getPageTitle() {
        return getTranslation("menu.manual");
    }
}
