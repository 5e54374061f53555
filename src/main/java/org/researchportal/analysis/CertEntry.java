package org.researchportal.analysis;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One item of a study's CERT report: what the portal's data reports for it, what the team wrote, and the records the
 * figures were taken from.
 */
public record CertEntry(CertItem item, List<Phrase> reported, @Nullable CertTeamText team,
        List<FigureSource> sources) {

    /**
     * Complete when every part it needs is there: the data's sentences for an item the data fills, the team's text
     * for an item the portal cannot know (alone or beside the data).
     */
    public boolean complete() {
        boolean dataDone = !item.from().fromData() || !reported.isEmpty();
        boolean teamDone = !item.from().needsTeam() || (team != null && !team.text().isBlank());
        return dataDone && teamDone;
    }
}
