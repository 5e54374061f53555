package org.researchportal.analysis;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import org.researchportal.base.Csv;

/**
 * One record a figure was computed from, so that every number of a report can be traced back: which figure it counts
 * in (its label as the report shows it), whose record (the participant's study number and arm), which record (the
 * form and timepoint, the call, the event, with its date) and the value the computation took from it.
 */
public record FigureSource(String figure, String participant, String arm, String record, String value) {

    /** The sources as CSV, with a header row, for the "records behind these figures" download. */
    public static String csv(List<FigureSource> sources) {
        var out = new StringWriter();
        try {
            Csv.line(out, List.of("figure", "participant", "arm", "record", "value"));
            for (FigureSource s : sources) {
                Csv.line(out, List.of(s.figure(), s.participant(), s.arm(), s.record(), s.value()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
