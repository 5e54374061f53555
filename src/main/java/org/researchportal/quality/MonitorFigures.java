package org.researchportal.quality;

import java.util.List;
import java.util.Optional;
import org.researchportal.base.NotFoundException;
import org.researchportal.base.security.Authorities;
import org.researchportal.study.StudyService;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.access.annotation.Secured;
import org.springframework.stereotype.Service;

/**
 * The monitor's dashboard figures for one study, each read from the feature that keeps it. A figure its feature
 * cannot give yet is empty, so the dashboard says so rather than show a number nobody counted.
 */
@Service
public class MonitorFigures {

    /** The open queries and how many of them have waited past a week and past a month. */
    public record QueryAges(long open, long olderThan7Days, long olderThan30Days) {}

    /** How many of the forms the study's verification plan requires are verified. */
    public record VerificationProgress(long verified, long required) {

        public int percent() {
            return required == 0 ? 100 : (int) (verified * 100 / required);
        }
    }

    private final StudyService studies;
    private final StudyLives lives;
    private final OpenQueryAges queries;
    private final VerificationFigure verification;
    private final SignatureFigure signatures;
    private final ObjectProvider<DatabaseLockCheck> lockChecks;

    MonitorFigures(StudyService studies, StudyLives lives, OpenQueryAges queries, VerificationFigure verification,
            SignatureFigure signatures, ObjectProvider<DatabaseLockCheck> lockChecks) {
        this.studies = studies;
        this.lives = lives;
        this.queries = queries;
        this.verification = verification;
        this.signatures = signatures;
        this.lockChecks = lockChecks;
    }

    @Secured(Authorities.MONITOR)
    public StudyStage stage(String studyId) {
        requireStudy(studyId);
        return lives.stage(studyId);
    }

    @Secured(Authorities.MONITOR)
    public Optional<QueryAges> openQueryAges(String studyId) {
        requireStudy(studyId);
        return queries.of(studyId);
    }

    @Secured(Authorities.MONITOR)
    public Optional<VerificationProgress> sdvProgress(String studyId) {
        requireStudy(studyId);
        return verification.of(studyId);
    }

    /** How many forms wait for the principal investigator's signature. */
    @Secured(Authorities.MONITOR)
    public Optional<Long> awaitingSignature(String studyId) {
        requireStudy(studyId);
        return signatures.of(studyId);
    }

    /** Everything that blocks the study's database lock now, as each feature's check sees it. */
    @Secured(Authorities.MONITOR)
    public List<LockBlocker> lockBlockers(String studyId) {
        requireStudy(studyId);
        return lockChecks.orderedStream().flatMap(check -> check.blockers(studyId).stream()).toList();
    }

    private void requireStudy(String studyId) {
        studies.study(studyId).orElseThrow(() -> new NotFoundException("Study", studyId));
    }
}
