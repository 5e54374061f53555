package org.researchportal.assessments.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import org.researchportal.assessments.InstrumentDesigner;

/**
 * Downloads the tenant's published instruments as a REDCap data dictionary, as REDCap serves its own: UTF-8 with a
 * byte order mark (so a spreadsheet reads the Chinese right), named after the project and the day.
 */
final class DictionaryDownload {

    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private DictionaryDownload() {
    }

    static Anchor link(String text, InstrumentDesigner designer, String project, Clock clock) {
        var link = new Anchor(DownloadHandler.fromInputStream(event -> {
            byte[] csv = bytes(designer);
            return new DownloadResponse(new ByteArrayInputStream(csv), fileName(project, LocalDate.now(clock)),
                    "text/csv;charset=UTF-8", csv.length);
        }), text);
        link.setDownload(true);
        link.addClassName("dictionary-download");
        return link;
    }

    static byte[] bytes(InstrumentDesigner designer) {
        byte[] text = designer.exportDictionary().getBytes(StandardCharsets.UTF_8);
        byte[] csv = new byte[BOM.length + text.length];
        System.arraycopy(BOM, 0, csv, 0, BOM.length);
        System.arraycopy(text, 0, csv, BOM.length, text.length);
        return csv;
    }

    /** REDCap's pattern, e.g. RE-MS_DataDictionary_2026-12-06.csv; the project's name kept to safe characters. */
    static String fileName(String project, LocalDate day) {
        return project.replaceAll("[^A-Za-z0-9_-]+", "_") + "_DataDictionary_" + day + ".csv";
    }
}
