package org.researchportal.reporting;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.jspecify.annotations.Nullable;
import org.researchportal.assessments.Instrument;
import org.researchportal.assessments.Item;
import org.researchportal.base.security.SignInWay;
import org.researchportal.study.Timepoint;

/**
 * The ODM export's MetaDataVersion: a study event per timepoint (and, unblinded, the adverse events, adherence and
 * follow-up call events), a form and item group per instrument and table, an item per question, score and column.
 * Elements follow the schema's order.
 */
final class OdmMetaData extends OdmWriting {

    private static final String RESPONDENT = "CL.RESPONDENT";
    private static final String SIGN_IN_WAY = "CL.SIGN_IN_WAY";

    OdmMetaData(XMLStreamWriter xml, ExportData data) {
        super(xml, data);
    }

    void metaData() throws XMLStreamException {
        xml.writeStartElement(NS, "MetaDataVersion");
        xml.writeAttribute("OID", "MDV.1");
        xml.writeAttribute("Name", data.study.acronym() + (data.blinded ? " (blinded)" : ""));
        xml.writeStartElement(NS, "Protocol");
        List<String> events = new ArrayList<>(List.of(ENROLMENT));
        data.schedule.forEach(t -> events.add(oid(t.code())));
        if (!data.blinded) {
            events.addAll(List.of(ADVERSE_EVENTS, ADHERENCE, CALL));
        }
        for (int i = 0; i < events.size(); i++) {
            empty("StudyEventRef", Map.of("StudyEventOID", "SE." + events.get(i), "OrderNumber",
                    String.valueOf(i + 1), "Mandatory", "No"));
        }
        xml.writeEndElement();
        studyEvent(ENROLMENT, "Enrolment", List.of(ENROLMENT));
        for (Timepoint t : data.schedule) {
            List<String> forms = new ArrayList<>(t.instruments().stream().map(OdmWriting::oid).toList());
            forms.add(VISIT);
            studyEvent(oid(t.code()), t.label(), forms);
        }
        if (!data.blinded) {
            studyEvent(ADVERSE_EVENTS, "Adverse events", List.of(ADVERSE_EVENTS), false, "Common");
            studyEvent(ADHERENCE, "Exercise programme adherence", List.of(ADHERENCE), false, "Common");
            studyEvent(CALL, "Follow-up call", List.of(CALL), true, "Scheduled");
        }
        // The schema wants every FormDef before any ItemGroupDef.
        Map<String, String> names = new LinkedHashMap<>();
        Map<String, List<String>> groups = new LinkedHashMap<>();
        names.put(ENROLMENT, "Enrolment");
        groups.put(ENROLMENT, enrolmentItems());
        names.put(VISIT, "Visit not assessed");
        groups.put(VISIT, List.of("I.VISIT.STATUS", "I.VISIT.REASON"));
        if (!data.blinded) {
            for (CsvTables table : CsvTables.values()) {
                names.put(form(table), tableName(table));
                groups.put(form(table), table.columns.stream().skip(1).map(c -> tableItem(table, c.name())).toList());
            }
        }
        for (Instrument instrument : data.instruments) {
            List<String> items = new ArrayList<>();
            items.add(itemOid(instrument, "assessed_on"));
            items.add(itemOid(instrument, "version"));
            items.add(itemOid(instrument, "respondent"));
            items.add(itemOid(instrument, "answered_at"));
            items.add(itemOid(instrument, "identified_by"));
            instrument.questions().forEach(i -> items.add(itemOid(instrument, i.code())));
            instrument.scores().forEach(s -> items.add(itemOid(instrument, s.code())));
            names.put(oid(instrument.code()), instrument.name().en());
            groups.put(oid(instrument.code()), items);
        }
        for (Map.Entry<String, String> form : names.entrySet()) {
            formDef(form.getKey(), form.getValue());
        }
        for (Map.Entry<String, List<String>> group : groups.entrySet()) {
            // Adverse events repeat within their form, one item group per event.
            itemGroupDef(group.getKey(), names.get(group.getKey()), group.getValue(),
                    group.getKey().equals(ADVERSE_EVENTS));
        }
        itemDefs();
        codeLists();
        xml.writeEndElement();
    }

    private void studyEvent(String oid, String name, List<String> forms) throws XMLStreamException {
        studyEvent(oid, name, forms, false, "Scheduled");
    }

    private void studyEvent(String oid, String name, List<String> forms, boolean repeating, String type)
            throws XMLStreamException {
        xml.writeStartElement(NS, "StudyEventDef");
        attributes(Map.of("OID", "SE." + oid, "Name", name, "Repeating", repeating ? "Yes" : "No", "Type", type));
        for (String form : forms) {
            empty("FormRef", Map.of("FormOID", "F." + form, "Mandatory", "No"));
        }
        xml.writeEndElement();
    }

    private void formDef(String oid, String name) throws XMLStreamException {
        xml.writeStartElement(NS, "FormDef");
        attributes(Map.of("OID", "F." + oid, "Name", name, "Repeating", "No"));
        empty("ItemGroupRef", Map.of("ItemGroupOID", "IG." + oid, "Mandatory", "Yes"));
        xml.writeEndElement();
    }

    private void itemGroupDef(String oid, String name, List<String> items, boolean repeating)
            throws XMLStreamException {
        xml.writeStartElement(NS, "ItemGroupDef");
        attributes(Map.of("OID", "IG." + oid, "Name", name, "Repeating", repeating ? "Yes" : "No"));
        for (String item : items) {
            empty("ItemRef", Map.of("ItemOID", item, "Mandatory", "No"));
        }
        xml.writeEndElement();
    }

    private List<String> enrolmentItems() {
        List<String> items = new ArrayList<>(List.of("I.ENROLMENT.STATUS", "I.ENROLMENT.ENROLLED_ON"));
        if (data.armsShown) {
            items.add("I.ENROLMENT.ARM");
        }
        return items;
    }

    private void itemDefs() throws XMLStreamException {
        itemDef("I.ENROLMENT.STATUS", "Participation status", "参与状态", "text", null, null);
        itemDef("I.ENROLMENT.ENROLLED_ON", "Date of enrolment", "入组日期", "date", null, null);
        if (data.armsShown) {
            itemDef("I.ENROLMENT.ARM", "Allocated arm", "分组", "text", null, null);
        }
        itemDef("I.VISIT.STATUS", "Visit not assessed: missed or not_done", "未评估的访视：missed（错过）或 not_done（未完成）",
                "text", null, null);
        itemDef("I.VISIT.REASON", "Why the visit was not assessed", "未评估的原因", "text", null, null);
        if (!data.blinded) {
            for (CsvTables table : CsvTables.values()) {
                for (CsvTables.Column column : table.columns.subList(1, table.columns.size())) {
                    itemDef(tableItem(table, column.name()), column.label(), null, odmType(column.type()), null,
                            null);
                }
            }
        }
        for (Instrument instrument : data.instruments) {
            itemDef(itemOid(instrument, "assessed_on"), "Date assessed", "评估日期", "date", null, null);
            itemDef(itemOid(instrument, "version"), "Instrument version", "量表版本", "integer", null, null);
            itemDef(itemOid(instrument, "respondent"), "Who gave the answers", "作答者", "text", null, null,
                    RESPONDENT);
            itemDef(itemOid(instrument, "answered_at"), "When the answers were recorded", "作答记录时间", "datetime",
                    null, null, null);
            itemDef(itemOid(instrument, "identified_by"), "How the participant answering was identified",
                    "参与者自行作答时的身份核验方式", "text", null, null, SIGN_IN_WAY);
            for (Item item : instrument.questions()) {
                itemDef(itemOid(instrument, item.code()), item.label().en(), item.label().zh(), dataType(item),
                        item.min(), item.max());
            }
            for (Item score : instrument.scores()) {
                itemDef(itemOid(instrument, score.code()), score.label().en(), score.label().zh(), "float", null,
                        null);
            }
        }
    }

    private void itemDef(String oid, String question, @Nullable String questionZh, String type, @Nullable Double min,
            @Nullable Double max) throws XMLStreamException {
        itemDef(oid, question, questionZh, type, min, max, null);
    }

    private void itemDef(String oid, String question, @Nullable String questionZh, String type, @Nullable Double min,
            @Nullable Double max, @Nullable String codeList) throws XMLStreamException {
        xml.writeStartElement(NS, "ItemDef");
        attributes(Map.of("OID", oid, "Name", question.length() > 60 ? question.substring(0, 60) : question,
                "DataType", type));
        xml.writeStartElement(NS, "Question");
        translated("en", question);
        if (questionZh != null) {
            translated("zh", questionZh);
        }
        xml.writeEndElement();
        if (min != null) {
            rangeCheck("GE", number(min));
        }
        if (max != null) {
            rangeCheck("LE", number(max));
        }
        if (codeList != null) {
            empty("CodeListRef", Map.of("CodeListOID", codeList));
        }
        xml.writeEndElement();
    }

    /**
     * The codes of who answered and how she was identified, with their meaning in both languages: the faithful ODM
     * 1.3.2 way to say what a coded item's values mean.
     */
    private void codeLists() throws XMLStreamException {
        codeList(RESPONDENT, "Respondent", List.of(
                new String[] {"staff", "Staff, at a visit or from a paper form", "工作人员（访视时或根据纸质问卷录入）"},
                new String[] {"participant", "The participant herself, on the portal", "参与者本人（在门户中作答）"}));
        codeList(SIGN_IN_WAY, "How the participant was identified", java.util.Arrays.stream(SignInWay.values())
                .map(way -> {
                    String code = way.name().toLowerCase(java.util.Locale.ROOT);
                    return switch (way) {
                        case PASSWORD -> new String[] {code, "Username and password", "用户名和密码"};
                        case SINGLE_SIGN_ON -> new String[] {code, "The hospital's single sign-on", "医院统一登录"};
                        case LINK -> new String[] {code, "A link sent to her", "发送给她的链接"};
                        case LINK_AND_SMS_CODE -> new String[] {code, "A link and a code sent by SMS", "链接加短信验证码"};
                        case LINK_AND_BIRTH_YEAR -> new String[] {code, "A link and her year of birth", "链接加出生年份"};
                    };
                }).toList());
    }

    private void codeList(String oid, String name, List<String[]> items) throws XMLStreamException {
        xml.writeStartElement(NS, "CodeList");
        attributes(Map.of("OID", oid, "Name", name, "DataType", "text"));
        for (String[] item : items) {
            xml.writeStartElement(NS, "CodeListItem");
            xml.writeAttribute("CodedValue", item[0]);
            xml.writeStartElement(NS, "Decode");
            translated("en", item[1]);
            translated("zh", item[2]);
            xml.writeEndElement();
            xml.writeEndElement();
        }
        xml.writeEndElement();
    }

    private void rangeCheck(String comparator, String value) throws XMLStreamException {
        xml.writeStartElement(NS, "RangeCheck");
        attributes(Map.of("Comparator", comparator, "SoftHard", "Hard"));
        element("CheckValue", value);
        xml.writeEndElement();
    }

    private void translated(String lang, String text) throws XMLStreamException {
        xml.writeStartElement(NS, "TranslatedText");
        xml.writeAttribute("xml", XMLConstants.XML_NS_URI, "lang", lang);
        xml.writeCharacters(text);
        xml.writeEndElement();
    }

    private static String odmType(String csvType) {
        return switch (csvType) {
            case "decimal" -> "float";
            case "integer", "date", "datetime", "boolean" -> csvType;
            default -> "text";
        };
    }

    private static String dataType(Item item) {
        return switch (item.type()) {
            case INTEGER, SCALE -> "integer";
            case NUMBER, CALCULATED -> "float";
            case DATE -> "date";
            case YES_NO, SINGLE_CHOICE, MULTIPLE_CHOICE, TEXT, DESCRIPTIVE -> "text";
        };
    }

    private static String tableName(CsvTables table) {
        return switch (table) {
            case ADVERSE_EVENTS -> "Adverse event";
            case ADHERENCE -> "Exercise programme adherence";
            case CALLS -> "Follow-up call";
        };
    }
}
