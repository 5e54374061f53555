package org.researchportal.quality.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.Text;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.router.RouterLink;
import java.util.List;
import java.util.Optional;
import org.researchportal.base.ui.Section;
import org.researchportal.base.ui.StatCard;
import org.researchportal.quality.LockBlocker;
import org.researchportal.quality.MonitorFigures;

/**
 * A study's monitoring figures: open queries by age, verification progress, forms waiting for a signature and what
 * blocks the database lock. Each says what is true when there is nothing to count, and that a figure is not available
 * when its feature cannot give it: never a number nobody counted.
 */
final class StudyFiguresPanel extends Composite<Div> {

    StudyFiguresPanel(String studyId, MonitorFigures figures) {
        Div content = getContent();
        content.addClassName("monitor-figures");
        content.add(new Section(getTranslation("monitor.queries"), queries(figures.openQueryAges(studyId))),
                new Section(getTranslation("monitor.sdv"), verification(figures.sdvProgress(studyId))),
                new Section(getTranslation("monitor.signatures"), signatures(figures.awaitingSignature(studyId))),
                new Section(getTranslation("monitor.lock"), row(new StatCard(getTranslation("monitor.lock.stage"),
                        getTranslation(figures.stage(studyId).messageKey()))), blockers(figures.lockBlockers(
                                studyId))));
    }

    private Component queries(Optional<MonitorFigures.QueryAges> ages) {
        if (ages.isEmpty()) {
            return note("monitor.figure.unavailable");
        }
        var a = ages.get();
        if (a.open() == 0) {
            return note("monitor.queries.none");
        }
        return row(new StatCard(getTranslation("monitor.queries.open"), Long.toString(a.open())),
                new StatCard(getTranslation("monitor.queries.over-7"), Long.toString(a.olderThan7Days())),
                new StatCard(getTranslation("monitor.queries.over-30"), Long.toString(a.olderThan30Days())));
    }

    private Component verification(Optional<MonitorFigures.VerificationProgress> progress) {
        if (progress.isEmpty()) {
            return note("monitor.figure.unavailable");
        }
        var p = progress.get();
        if (p.required() == 0) {
            return note("monitor.sdv.none");
        }
        return row(new StatCard(getTranslation("monitor.sdv.verified"), getTranslation("monitor.sdv.value",
                p.verified(), p.required(), p.percent())));
    }

    private Component signatures(Optional<Long> awaiting) {
        if (awaiting.isEmpty()) {
            return note("monitor.figure.unavailable");
        }
        if (awaiting.get() == 0) {
            return note("monitor.signatures.none");
        }
        return row(new StatCard(getTranslation("monitor.signatures.awaiting"), Long.toString(awaiting.get())));
    }

    private Component blockers(List<LockBlocker> blockers) {
        if (blockers.isEmpty()) {
            return note("monitor.lock.none");
        }
        var list = new UnorderedList();
        list.addClassName("lock-blockers");
        for (LockBlocker blocker : blockers) {
            var item = new ListItem(getTranslation(blocker.messageKey(), blocker.arguments().toArray()));
            if (blocker.participantId() != null) {
                item.add(new Text(" "), new RouterLink(getTranslation("monitor.open-data"), ParticipantDataView.class,
                        blocker.participantId()));
            }
            list.add(item);
        }
        return list;
    }

    private Div row(Component... cards) {
        var row = new Div(cards);
        row.addClassName("stat-row");
        return row;
    }

    private Paragraph note(String key) {
        var note = new Paragraph(getTranslation(key));
        note.addClassName("monitor-figure__empty");
        return note;
    }
}
