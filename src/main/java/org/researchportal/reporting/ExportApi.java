package org.researchportal.reporting;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.researchportal.base.NotFoundException;
import org.researchportal.study.StudyService;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The data managers' REST API (personal tokens, see ApiTokenService): the tenant's studies and their exports. The
 * token's role decides what the services hand out, as in the portal: an assessor's token gets no arm.
 */
@RestController
@RequestMapping("/api/v1")
class ExportApi {

    record StudyListing(String id, String acronym, String title, @Nullable String registryId) {}

    private final StudyService studies;
    private final StudyExports exports;

    ExportApi(StudyService studies, StudyExports exports) {
        this.studies = studies;
        this.exports = exports;
    }

    @GetMapping("/studies")
    List<StudyListing> studies() {
        return studies.studies().stream().map(s -> new StudyListing(s.id(), s.acronym(), s.title(), s.registryId()))
                .toList();
    }

    @GetMapping("/studies/{studyId}/export.csv")
    void csv(@PathVariable String studyId, HttpServletResponse response) throws IOException {
        requireStudy(studyId);
        response.setContentType("text/csv; charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"export.csv\"");
        var writer = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
        exports.csv(studyId, writer);
        writer.flush();
    }

    @GetMapping("/studies/{studyId}/export.odm.xml")
    void odm(@PathVariable String studyId, HttpServletResponse response) throws IOException {
        requireStudy(studyId);
        response.setContentType("application/xml");
        response.setHeader("Content-Disposition", "attachment; filename=\"export.odm.xml\"");
        exports.odm(studyId, response.getOutputStream());
    }

    /** Every table in one zip; an assessor's token gets only the data and its dictionary. */
    @GetMapping("/studies/{studyId}/export.zip")
    void zip(@PathVariable String studyId, HttpServletResponse response) throws IOException {
        requireStudy(studyId);
        response.setContentType("application/zip");
        response.setHeader("Content-Disposition", "attachment; filename=\"export.zip\"");
        exports.zip(studyId, response.getOutputStream());
    }

    /** Checked before anything is written, so an unknown id answers a clean 404. */
    private void requireStudy(String studyId) {
        studies.study(studyId).orElseThrow(() -> new NotFoundException("Study", studyId));
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<Map<String, String>> refused() {
        return ResponseEntity.status(HttpStatus.FORBIDDEN).body(Map.of("error", "forbidden"));
    }
}
