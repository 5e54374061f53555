package org.researchportal.followup.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import java.io.ByteArrayInputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.researchportal.followup.CallWorklist;

/** Downloads the call log as CSV (UTF-8 with a byte order mark, so spreadsheets read Chinese text right). */
final class CallLogLink {

    private CallLogLink() {
    }

    static Anchor of(String text, CallWorklist worklist, Supplier<@Nullable String> studyId) {
        var link = new Anchor(DownloadHandler.fromInputStream(event -> {
            var bytes = new java.io.ByteArrayOutputStream();
            bytes.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
            var writer = new OutputStreamWriter(bytes, StandardCharsets.UTF_8);
            worklist.exportLog(studyId.get(), writer);
            byte[] csv = bytes.toByteArray();
            return new DownloadResponse(new ByteArrayInputStream(csv), "call-log.csv", "text/csv", csv.length);
        }), text);
        link.setDownload(true);
        return link;
    }
}
