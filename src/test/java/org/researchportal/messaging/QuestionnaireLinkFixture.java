package org.researchportal.messaging;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.researchportal.base.security.PortalRole;
import org.researchportal.base.security.SystemActor;
import org.researchportal.identity.AccountService;
import org.researchportal.identity.NewAccount;
import org.researchportal.participants.Consent;
import org.researchportal.participants.Participant;
import org.researchportal.participants.ParticipantImport;
import org.researchportal.participants.ParticipantService;
import org.researchportal.participants.ParticipantStatus;
import org.researchportal.study.Arm;
import org.researchportal.study.ArmKind;
import org.researchportal.study.QuestionnaireSettings;
import org.researchportal.study.StudyRecord;
import org.researchportal.study.StudyService;
import org.researchportal.tenancy.TenantService;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * A fresh tenant with one study and one enrolled participant who has a phone, agreed to SMS and has an account: what
 * a questionnaire link and its identity check need, for the HTTP tests and the check page's UI tests alike.
 */
public final class QuestionnaireLinkFixture {

    public static final String PHONE = "+8613912345678";
    public static final String TIMEPOINT = "week_6";

    public final String tenant;
    public final String study;
    public final String account;
    public final String username;
    public final String participant;
    private final ParticipantLinks links;
    private final MongoTemplate mongo;

    public QuestionnaireLinkFixture(TenantService tenants, StudyService studies, AccountService accounts,
            ParticipantService participants, ParticipantLinks links, MongoTemplate mongo, String language,
            String password) {
        this.links = links;
        this.mongo = mongo;
        tenant = "q" + UUID.randomUUID().toString().substring(0, 8);
        as(null, Set.of(PortalRole.PLATFORM_ADMIN), () -> tenants.create(tenant, "Questionnaires " + tenant,
                "Asia/Shanghai"));
        study = as(tenant, Set.of(PortalRole.TENANT_ADMIN), () -> studies.create(new StudyRecord("QLK",
                "Questionnaire links", null, List.of(new Arm("A", "A", ArmKind.INTERVENTION, "A"), new Arm("B", "B",
                        ArmKind.CONTROL, "B")), 10, null, null, null)).id());
        username = tenant + ".p";
        account = as(tenant, Set.of(PortalRole.TENANT_ADMIN), () -> accounts.create(new NewAccount(username,
                "Participant", null, language, Set.of(PortalRole.PARTICIPANT), password)).id());
        LocalDate today = LocalDate.now();
        participant = as(tenant, Set.of(PortalRole.CLINICIAN), () -> participants.importRecord(
                new ParticipantImport(study, "SCR-1", "QLK-1", "Participant One", ParticipantStatus.ENROLLED, "A",
                        today.minusDays(30), today.minusDays(20), null, PHONE, null, language, "Asia/Shanghai", null,
                        null, null, account)));
        consentToSms(true);
    }

    /** Her consent, agreeing to SMS or not (the import brings none). */
    public void consentToSms(boolean sms) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(participant)), new Update().set("consent",
                new Consent("v1", LocalDate.now().minusDays(25), "clinician", sms, false, List.of())),
                Participant.class);
    }

    public void checkBy(QuestionnaireSettings.IdentityCheck check, StudyService studies) {
        as(tenant, Set.of(PortalRole.TENANT_ADMIN), () -> {
            studies.configureQuestionnaires(study, new QuestionnaireSettings(List.of(2, 5), check));
            return null;
        });
    }

    public void birthYear(Integer year, ParticipantService participants) {
        as(tenant, Set.of(PortalRole.CLINICIAN), () -> {
            participants.recordBirthYear(participant, year);
            return null;
        });
    }

    /** A questionnaire link for the timepoint, running to the end of tomorrow in her zone. */
    public String issue() {
        return as(tenant, EnumSet.of(PortalRole.COORDINATOR), () -> links.issue(participant,
                ParticipantLink.Target.QUESTIONNAIRE, TIMEPOINT, Instant.now(), ParticipantLinks.endOfDay(
                        LocalDate.now().plusDays(1), "Asia/Shanghai")));
    }

    /** The stored link of a URL, straight from the database. */
    public org.bson.Document stored(String url) {
        return mongo.findOne(Query.query(Criteria.where("tokenHash").is(ParticipantLinks.hash(url.substring(url
                .lastIndexOf('/') + 1)))), org.bson.Document.class, "participant_links");
    }

    /** What this device's session would hold after opening the link. */
    public PendingCheck pending(String url) {
        return new PendingCheck(tenant, String.valueOf(stored(url).get("_id")), participant, account,
                "my-questionnaires/" + TIMEPOINT);
    }

    /** The identity codes sent to her, newest last, as the SMS carries them. */
    public List<String> codesSent() {
        return mongo.find(Query.query(Criteria.where("tenantId").is(tenant).and("purpose").is(
                MessagePurpose.IDENTITY_CODE)), OutboxMessage.class).stream()
                .sorted(java.util.Comparator.comparing(OutboxMessage::getCreatedAt)).map(SentText::of).toList();
    }

    /** The six digits of the last code sent. */
    public String lastCode() {
        List<String> sent = codesSent();
        return sent.getLast().replaceAll(".*?([0-9]{6}).*", "$1");
    }

    public <T> T as(String tenantId, Set<PortalRole> roles, Supplier<T> work) {
        return SystemActor.callAs("test", tenantId, roles, work);
    }
}
