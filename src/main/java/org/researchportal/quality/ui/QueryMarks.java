package org.researchportal.quality.ui;

import com.vaadin.flow.component.Component;
import java.util.List;
import org.researchportal.base.clinical.DataPoint;
import org.researchportal.base.security.CurrentUser;
import org.researchportal.base.security.PortalRole;
import org.researchportal.base.ui.FormMarks;
import org.researchportal.quality.DataQueries;
import org.researchportal.quality.PointWords;
import org.springframework.core.annotation.Order;

/**
 * Beside each field of a clinical form: a marker for every query that stands on it (for the monitor and the role it
 * is assigned to), and for the monitor a way to raise one.
 */
@org.springframework.stereotype.Component
@Order(10)
class QueryMarks implements FormMarks {

    private static final List<PortalRole> READERS = List.of(PortalRole.MONITOR, PortalRole.ASSESSOR,
            PortalRole.CLINICIAN, PortalRole.COORDINATOR);

    private final DataQueries queries;
    private final PointWords words;

    QueryMarks(DataQueries queries, PointWords words) {
        this.queries = queries;
        this.words = words;
    }

    @Override
    public List<Component> forField(DataPoint point) {
        boolean reads = CurrentUser.get().map(u -> READERS.stream().anyMatch(u::hasRole)).orElse(false);
        return reads ? List.of(new QueryMarker(point, queries, words)) : List.of();
    }
}
