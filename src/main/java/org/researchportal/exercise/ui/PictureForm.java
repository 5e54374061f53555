package org.researchportal.exercise.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.server.streams.UploadHandler;
import java.util.List;
import java.util.Map;
import org.researchportal.base.NotFoundException;
import org.researchportal.base.ValidationException;
import org.researchportal.base.ui.FieldErrors;
import org.researchportal.exercise.MediaLibrary;
import org.researchportal.exercise.PictureRef;
import org.researchportal.exercise.Text;

/** An exercise's pictures for those who keep the manual: each described, one button to take it off, and a new one. */
final class PictureForm extends Composite<Div> {

    private byte[] pending;

    PictureForm(MediaLibrary media, String studyId, String exerciseCode, List<PictureRef> pictures,
            Runnable changed) {
        UI ui = UI.getCurrent();
        getContent().add(new H4(getTranslation("picture.title")));
        for (PictureRef picture : pictures) {
            var remove = new Button(getTranslation("picture.remove"), e -> {
                media.removePicture(picture.id());
                changed.run();
            });
            remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
            getContent().add(new Div(new Span(picture.description().in(getLocale())), remove));
        }
        var describedEn = new TextField(getTranslation("picture.description.en"));
        var describedZh = new TextField(getTranslation("picture.description.zh"));
        describedEn.setWidthFull();
        describedZh.setWidthFull();
        Paragraph fileErrors = MediaDialog.refusalText();
        var chosen = new Span(getTranslation("document.no-file"));
        var upload = new Upload(UploadHandler.inMemory((metadata, bytes) -> ui.access(() -> {
            pending = bytes;
            chosen.setText(metadata.fileName());
        })));
        upload.setMaxFiles(1);
        upload.setMaxFileSize(2 * 1024 * 1024);
        upload.setAcceptedFileTypes("image/png", "image/jpeg", ".png", ".jpg", ".jpeg");
        var add = new Button(getTranslation("picture.add"), e -> {
            fileErrors.setVisible(false);
            try {
                media.addPicture(studyId, exerciseCode, pending == null ? new byte[0] : pending,
                        new Text(describedEn.getValue(), describedZh.getValue()));
                changed.run();
            } catch (ValidationException refused) {
                FieldErrors.show(this, refused, Map.of("description", describedEn));
                if (refused.fieldMessageKeys().containsKey("file")) {
                    MediaDialog.refuse(fileErrors, ValidationException.of("file",
                            refused.fieldMessageKeys().get("file")));
                }
            } catch (NotFoundException gone) {
                MediaDialog.refuse(fileErrors, gone);
            }
        });
        getContent().add(new Paragraph(getTranslation("picture.hint")), upload, chosen, fileErrors, describedEn,
                describedZh, add);
    }
}
