package org.researchportal.exercise.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.server.streams.UploadHandler;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.researchportal.base.NotFoundException;
import org.researchportal.base.ValidationException;
import org.researchportal.base.security.PortalLocales;
import org.researchportal.base.ui.FieldErrors;
import org.researchportal.base.ui.LimitedUpload;
import org.researchportal.base.ui.PortalUpload;
import org.researchportal.exercise.ExerciseVideo;
import org.researchportal.exercise.ManualExercise;
import org.researchportal.exercise.MediaLibrary;
import org.researchportal.exercise.PictureLibrary;
import org.researchportal.exercise.PictureRef;
import org.researchportal.exercise.VideoCaptions;
import org.researchportal.exercise.VideoRef;

/**
 * One exercise's pictures and video: a preview of what there is and, for those who keep the manual, pictures with
 * their descriptions, a new video upload (streamed to the library, which judges its bytes and size), a link to an
 * external host instead, and captions per language.
 */
final class MediaDialog extends Dialog {

    private final Paragraph uploadErrors = refusalText();
    private final Paragraph captionErrors = refusalText();

    MediaDialog(MediaLibrary videos, VideoCaptions captionLibrary, PictureLibrary pictureLibrary, String studyId,
            ManualExercise exercise, @Nullable VideoRef current, List<PictureRef> pictures, boolean mayChange,
            Runnable onChanged) {
        String title = exercise.title().in(getLocale());
        setHeaderTitle(getTranslation("media.dialog", title));
        setWidth("min(720px, 95vw)");
        if (!pictures.isEmpty()) {
            add(new ExercisePictures(pictures, getLocale()));
        }
        if (current != null) {
            add(VideoLink.of(current, title, null));
        } else {
            add(new Paragraph(getTranslation("video.none")));
        }
        getFooter().add(new Button(getTranslation("action.close"), e -> close()));
        if (!mayChange) {
            return;
        }
        UI ui = UI.getCurrent();
        Locale locale = getLocale();
        Runnable changed = () -> {
            close();
            onChanged.run();
        };
        var upload = new PortalUpload((UploadHandler) event -> {
            try (InputStream in = event.getInputStream()) {
                videos.upload(studyId, exercise.code(), event.getFileName(), in);
                ui.access(changed::run);
            } catch (ValidationException | NotFoundException refused) {
                // The file list marks the file refused; the reason is said under the upload.
                event.reject(getTranslation(locale, reason(refused)));
                ui.access(() -> refuse(uploadErrors, refused));
            }
        });
        upload.setMaxFiles(1);
        upload.setMaxFileSize((int) Math.min(Integer.MAX_VALUE, videos.maxBytes()));
        upload.setAcceptedFileTypes("video/mp4", "video/webm", ".mp4", ".m4v", ".webm");
        add(new H4(getTranslation("video.upload")), new Paragraph(getTranslation("video.upload.hint",
                videos.maxBytes() / (1024 * 1024))), upload, uploadErrors);

        var link = new TextField(getTranslation("video.link"));
        link.setPlaceholder("https://");
        link.setWidthFull();
        var useLink = new Button(getTranslation("video.link.use"), e -> {
            try {
                videos.link(studyId, exercise.code(), link.getValue());
                changed.run();
            } catch (ValidationException refused) {
                FieldErrors.show(this, refused, Map.of("url", link));
            } catch (NotFoundException gone) {
                FieldErrors.show(this, ValidationException.of("url", "video.exercise-gone"), Map.of("url", link));
            }
        });
        add(new H4(getTranslation("video.or-link")), link, useLink);

        add(new PictureForm(pictureLibrary, studyId, exercise.code(), pictures, changed));

        if (current != null && current.source() == ExerciseVideo.Source.UPLOAD) {
            var language = new Select<String>();
            language.setLabel(getTranslation("video.captions.language-label"));
            language.setItems(PortalLocales.SUPPORTED.stream().map(Locale::toLanguageTag).toList());
            language.setItemLabelGenerator(l -> getTranslation("language." + l));
            language.setValue(PortalLocales.toTag(getLocale()));
            var captions = new PortalUpload(new LimitedUpload(VideoCaptions.CAPTIONS_MAX_BYTES, (metadata, bytes) -> ui
                    .access(() -> {
                        try {
                            captionLibrary.addCaptions(current.id(), language.getValue(), bytes);
                            changed.run();
                        } catch (ValidationException | NotFoundException refused) {
                            refuse(captionErrors, refused);
                        }
                    })));
            captions.setMaxFiles(1);
            captions.setMaxFileSize(VideoCaptions.CAPTIONS_MAX_BYTES);
            captions.setAcceptedFileTypes(".vtt", "text/vtt");
            add(new H4(getTranslation("video.captions")), language, captions, captionErrors);
        }
    }

    private static Paragraph refusalText() {
        var text = new Paragraph();
        text.addClassName("upload-error");
        text.getElement().setAttribute("role", "alert");
        text.setVisible(false);
        return text;
    }

    private static void refuse(Paragraph errors, RuntimeException refused) {
        errors.setText(errors.getTranslation(reason(refused)));
        errors.setVisible(true);
    }

    private static String reason(RuntimeException refused) {
        return refused instanceof ValidationException invalid
                ? invalid.fieldMessageKeys().values().iterator().next() : "video.exercise-gone";
    }
}
