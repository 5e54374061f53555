package org.researchportal.analysis.ui;

import com.vaadin.flow.component.Component;
import org.researchportal.analysis.BlindingIndexes;
import org.researchportal.study.StudySummary;

/** The statistics page's first report: whether blinding held (Bang's and James' indexes). */
@org.springframework.stereotype.Component
class BlindingSection implements StatisticsSection {

    private final BlindingIndexes indexes;

    BlindingSection(BlindingIndexes indexes) {
        this.indexes = indexes;
    }

    @Override
    public int order() {
        return 10;
    }

    @Override
    public Component create(StudySummary study) {
        return new BlindingPanel(study, indexes.report(study.id()));
    }
}
