package org.researchportal.exercise.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextField;
import java.util.List;
import java.util.Map;
import org.researchportal.base.NotFoundException;
import org.researchportal.base.ValidationException;
import org.researchportal.base.ui.FieldErrors;
import org.researchportal.base.ui.LimitedUpload;
import org.researchportal.base.ui.PortalUpload;
import org.researchportal.exercise.PictureLibrary;
import org.researchportal.exercise.PictureRef;
import org.researchportal.exercise.Text;

/** An exercise's pictures for those who keep the manual: each described, one button to take it off, and a new one. */
final class PictureForm extends Composite<Div> {

    private byte[] pending;

    PictureForm(PictureLibrary media, String studyId, String exerciseCode, List<PictureRef> pictures,
            Runnable changed) {
        UI ui = UI.getCurrent();
        getContent().add(new H4(getTranslation("picture.title")));
        for (PictureRef picture : pictures) {
            var remove = new Button(getTranslation("picture.remove"), e -> {
                media.removePicture(picture.id());
                changed.run();
            });
            remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
            remove.setAriaLabel(getTranslation("picture.remove-which", picture.description().in(getLocale())));
            getContent().add(new Div(new Span(picture.description().in(getLocale())), remove));
        }
        var describedEn = new TextField(getTranslation("picture.description.en"));
        var describedZh = new TextField(getTranslation("picture.description.zh"));
        describedEn.setWidthFull();
        describedZh.setWidthFull();
        // The file's refusal shows on a field of its own, as the documents' upload form does it.
        var fileErrors = new TextField();
        fileErrors.setVisible(false);
        fileErrors.setReadOnly(true);
        var chosen = new Span(getTranslation("document.no-file"));
        var upload = new PortalUpload(new LimitedUpload(PictureLibrary.PICTURE_MAX_BYTES, (metadata, bytes) -> ui
                .access(
                        () -> {
                            pending = bytes;
                            chosen.setText(metadata.fileName());
                        })));
        upload.setMaxFiles(1);
        upload.setMaxFileSize(PictureLibrary.PICTURE_MAX_BYTES);
        upload.setAcceptedFileTypes("image/png", "image/jpeg", ".png", ".jpg", ".jpeg");
        Map<String, HasValidation> fields = Map.of("description", describedEn, "file", fileErrors);
        var add = new Button(getTranslation("picture.add"), e -> {
            try {
                media.addPicture(studyId, exerciseCode, pending == null ? new byte[0] : pending,
                        new Text(describedEn.getValue(), describedZh.getValue()));
                changed.run();
            } catch (ValidationException refused) {
                fileErrors.setVisible(refused.fieldMessageKeys().containsKey("file"));
                FieldErrors.show(this, refused, fields);
            } catch (NotFoundException gone) {
                FieldErrors.show(this, ValidationException.of("file", "video.exercise-gone"), fields);
            }
        });
        getContent().add(new Paragraph(getTranslation("picture.hint")), upload, chosen, fileErrors, describedEn,
                describedZh, add);
    }
}
