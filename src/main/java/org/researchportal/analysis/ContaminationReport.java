package org.researchportal.analysis;

import java.util.List;
import java.util.Optional;

/**
 * Exercise outside the study by arm and month since randomisation: the months any call asked it, a row per arm and
 * month with calls, and the call answers counted (the records behind every figure).
 */
public record ContaminationReport(List<Integer> months, List<ContaminationMonth> rows,
        List<ContaminationSource> sources) {

    public ContaminationReport {
        months = List.copyOf(months);
        rows = List.copyOf(rows);
        sources = List.copyOf(sources);
    }

    public Optional<ContaminationMonth> row(String armCode, int month) {
        return rows.stream().filter(r -> r.armCode().equals(armCode) && r.month() == month).findFirst();
    }
}
