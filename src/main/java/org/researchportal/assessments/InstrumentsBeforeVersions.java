package org.researchportal.assessments;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.bson.Document;
import org.jspecify.annotations.Nullable;
import org.researchportal.audit.AuditTrail;
import org.researchportal.base.security.PortalRole;
import org.researchportal.tenancy.TenantDocuments;
import org.researchportal.tenancy.TenantSweeps;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Brings an installation made before instruments had versions up to date at start-up, in each active tenant: each
 * stored instrument becomes its published version 1 (scores by rule become calculated items with the same
 * missing-item rule, an item "required when" another has an answer stays shown and optional, decimals numbers), its
 * entries' yes/no answers become REDCap's 1/0, and the old document goes. Entries without a version were made with
 * version 1. Audited per instrument.
 */
@Component
class InstrumentsBeforeVersions {

    static final String PURPOSE = "instrument-versions";

    private final TenantDocuments documents;
    private final InstrumentRecords versions;
    private final AuditTrail audit;
    private final TenantSweeps sweeps;
    private final java.time.Clock clock;

    InstrumentsBeforeVersions(TenantDocuments documents, InstrumentRecords versions, AuditTrail audit,
            TenantSweeps sweeps, java.time.Clock clock) {
        this.documents = documents;
        this.versions = versions;
        this.audit = audit;
        this.sweeps = sweeps;
        this.clock = clock;
    }

    @EventListener(ApplicationStartedEvent.class)
    void convertEverywhere() {
        sweeps.inEachActiveTenant(PURPOSE, EnumSet.of(PortalRole.TENANT_ADMIN), this::convert);
    }

    /** Converts the tenant's instruments stored the old way; answers how many. */
    int convert() {
        List<LegacyInstrumentDefinition> legacy = documents.find(new Query(), LegacyInstrumentDefinition.class);
        for (LegacyInstrumentDefinition old : legacy) {
            Instrument instrument = converted(old.getInstrument());
            if (versions.versions(old.getCode()).isEmpty()) {
                versions.add(InstrumentVersion.published(instrument, 1, clock.instant(), "system:" + PURPOSE));
                audit.record("instrument.versioned", InstrumentDesigner.ENTITY, old.getCode(), null, Map.of(
                        "version", 1, "instrument", instrument), null);
            }
            // Every time, not only with the version: a start stopped half-way renames the rest at the next one.
            instrument.items().stream().filter(i -> i.type() == ItemType.YES_NO).forEach(i -> {
                renameAnswer(old.getCode(), i.code(), "yes", "1");
                renameAnswer(old.getCode(), i.code(), "no", "0");
            });
            documents.remove(Query.query(Criteria.where("_id").is(old.requireId())),
                    LegacyInstrumentDefinition.class);
        }
        return legacy.size();
    }

    private void renameAnswer(String instrument, String item, String from, String to) {
        documents.updateMulti(Query.query(Criteria.where("instrument").is(instrument).and("answers." + item).is(
                from)), new Update().set("answers." + item, to), Assessment.class);
    }

    /** The old shape read as today's instrument. */
    static Instrument converted(Document old) {
        List<Item> items = new ArrayList<>();
        for (Document item : old.getList("items", Document.class, List.of())) {
            String type = item.getString("type");
            // "Required when" has no equal among today's rules: branching would hide the item, and with it answers
            // an earlier entry gave while it was optional. So it stays shown and optional; nothing is lost.
            boolean required = Boolean.TRUE.equals(item.getBoolean("required"))
                    && item.get("requiredWhen", Document.class) == null;
            String showWhen = null;
            items.add(new Item(item.getString("code"), switch (type) {
                case "DECIMAL" -> ItemType.NUMBER;
                case "INTEGER" -> ItemType.INTEGER;
                case "YES_NO" -> ItemType.YES_NO;
                case "DATE" -> ItemType.DATE;
                default -> ItemType.TEXT;
            }, new Wording(item.getString("label"), item.getString("labelZh")), null, item.getString("unit"),
                    number(item.get("min")), number(item.get("max")), List.of(), required, showWhen, null, null,
                    false, null));
        }
        for (Document score : old.getList("scores", Document.class, List.of())) {
            String of = score.getList("items", String.class).stream().map(c -> "[" + c + "]")
                    .collect(Collectors.joining(","));
            String rule = switch (score.getString("rule")) {
                case "SUM" -> "sum";
                case "MAX" -> "max";
                default -> "mean";
            } + "(" + of + ")";
            int least = score.getInteger("minAnswered", 1);
            items.add(new Item(score.getString("code"), ItemType.CALCULATED, new Wording(score.getString("label"),
                    score.getString("labelZh")), null, null, null, null, List.of(), false, null, least > 1 ? "if(count("
                            + of + ") >= " + least + ", " + rule + ", '')" : rule, null, false, null));
        }
        String note = old.getString("note");
        return new Instrument(old.getString("code"), new Wording(old.getString("name"), old.getString("nameZh")),
                items, note == null ? null : new Wording(note, null));
    }

    private static @Nullable Double number(@Nullable Object value) {
        return value instanceof Number n ? n.doubleValue() : null;
    }
}
