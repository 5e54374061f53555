package org.researchportal.base.ui;

import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.component.upload.UploadI18N;
import com.vaadin.flow.server.streams.UploadHandler;
import java.util.List;

/**
 * The portal's upload: Vaadin's, with every word it shows (drop here, upload, errors, progress) in the reader's
 * language. Vaadin's own words are English only, which read wrong on a Chinese screen.
 */
public class PortalUpload extends Upload {

    public PortalUpload(UploadHandler handler) {
        super(handler);
        setI18n(new UploadI18N()
                .setDropFiles(new UploadI18N.DropFiles().setOne(getTranslation("upload.drop-one"))
                        .setMany(getTranslation("upload.drop-many")))
                .setAddFiles(new UploadI18N.AddFiles().setOne(getTranslation("upload.add-one"))
                        .setMany(getTranslation("upload.add-many")))
                .setFile(new UploadI18N.File().setRetry(getTranslation("upload.retry"))
                        .setStart(getTranslation("upload.start")).setRemove(getTranslation("upload.remove")))
                .setError(new UploadI18N.Error().setTooManyFiles(getTranslation("upload.too-many"))
                        .setFileIsTooBig(getTranslation("upload.too-big"))
                        .setIncorrectFileType(getTranslation("upload.wrong-type")))
                .setUploading(new UploadI18N.Uploading()
                        .setStatus(new UploadI18N.Uploading.Status().setConnecting(getTranslation("upload.connecting"))
                                .setStalled(getTranslation("upload.stalled"))
                                .setProcessing(getTranslation("upload.processing"))
                                .setHeld(getTranslation("upload.held")))
                        .setRemainingTime(new UploadI18N.Uploading.RemainingTime()
                                .setPrefix(getTranslation("upload.remaining")).setUnknown(getTranslation(
                                        "upload.remaining-unknown")))
                        .setError(new UploadI18N.Uploading.Error()
                                .setServerUnavailable(getTranslation("upload.server-unavailable"))
                                .setUnexpectedServerError(getTranslation("upload.server-error"))
                                .setForbidden(getTranslation("upload.forbidden"))
                                .setFileTooLarge(getTranslation("upload.too-big"))))
                .setUnits(List.of("B", "kB", "MB", "GB", "TB", "PB", "EB", "ZB", "YB")));
    }
}
