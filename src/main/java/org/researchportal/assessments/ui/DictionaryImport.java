package org.researchportal.assessments.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import org.researchportal.assessments.InstrumentDesigner;
import org.researchportal.base.ValidationException;
import org.researchportal.base.ui.LimitedUpload;
import org.researchportal.base.ui.PortalUpload;

/**
 * Imports a REDCap data dictionary: each instrument in it becomes a draft waiting to be published, or the file is
 * refused whole, with the row, the column and the reason shown at the upload.
 */
final class DictionaryImport extends Composite<Div> {

    /** REDCap's own dictionaries of hundreds of fields are well under this; the service refuses larger text too. */
    static final long MAX_BYTES = 5L * 1024 * 1024;

    DictionaryImport(InstrumentDesigner designer, Runnable onImported) {
        var result = new Paragraph(getTranslation("dictionary.import.hint"));
        result.addClassName("dictionary-import-result");
        UI ui = UI.getCurrent();
        var upload = new PortalUpload(new LimitedUpload(MAX_BYTES, (metadata, bytes) -> ui.access(() -> {
            result.removeClassName("text-error");
            try {
                List<String> drafted = designer.importDictionary(new String(bytes, StandardCharsets.UTF_8));
                result.setText(drafted.isEmpty() ? getTranslation("dictionary.imported.nothing")
                        : getTranslation("dictionary.imported", String.join(", ", drafted)));
                onImported.run();
            } catch (ValidationException refused) {
                result.setText(refusal(refused));
                result.addClassName("text-error");
            }
        })));
        upload.setAcceptedFileTypes(".csv", "text/csv");
        upload.setMaxFileSize((int) MAX_BYTES);
        upload.setMaxFiles(1);
        upload.setUploadButton(new com.vaadin.flow.component.button.Button(getTranslation("dictionary.import")));
        getContent().addClassName("dictionary-import");
        getContent().add(upload, result);
    }

    /** "Row 7, column "Field Type": the field type "radiobox" is not supported. Nothing was imported." */
    private String refusal(ValidationException refused) {
        String said = refused.fieldMessageKeys().entrySet().stream()
                .sorted((a, b) -> a.getKey().equals("file") ? -1 : b.getKey().equals("file") ? 1 : 0)
                .map(e -> getTranslation(e.getValue(), refused.arguments(e.getKey())))
                .collect(Collectors.joining(" "));
        return said + " " + getTranslation("dictionary.nothing-imported");
    }
}
