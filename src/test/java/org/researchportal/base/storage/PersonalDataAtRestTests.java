package org.researchportal.base.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.researchportal.PortalTest;
import org.researchportal.base.HostileValues;
import org.researchportal.base.security.PortalRole;
import org.researchportal.identity.Account;
import org.researchportal.messaging.SmsReplies;
import org.researchportal.participants.Participant;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoOperations;

/**
 * Names, phone numbers and email addresses are sealed at field level: read straight from the database, past the
 * portal's converters, no document of any collection holds one of them in plain text, while the portal reads them
 * as they were typed.
 */
class PersonalDataAtRestTests extends PortalTest {

    @Autowired
    MongoOperations mongo;
    @Autowired
    SmsReplies replies;

    @Test
    void noNamePhoneNumberOrEmailIsStoredInPlainText() {
        // The demo seeds participants, accounts, messages, calls and a long audit trail; a STOP adds an opt-out.
        List<Participant> participants = mongo.findAll(Participant.class);
        String phone = participants.stream().map(Participant::getPhone).filter(p -> p != null).findFirst()
                .orElseThrow();
        asSystem("fudan", Set.of(PortalRole.COORDINATOR), () -> replies.handle(phone, "STOP"));
        asSystem("fudan", Set.of(PortalRole.COORDINATOR), () -> replies.handle(phone, "START"));

        Set<String> personal = new HashSet<>();
        participants.forEach(p -> Stream.of(p.getDisplayName(), p.getPhone(), p.getEmail()).forEach(personal::add));
        mongo.findAll(Account.class).forEach(a -> Stream.of(a.getDisplayName(), a.getEmail()).forEach(personal::add));
        // A one-word name some test gave an account ("Participant") is also the portal's own vocabulary (an audit
        // entry's entity type): names of several words, numbers and addresses are what is looked for.
        personal.removeIf(value -> value == null || value.isBlank() || value.matches("\\p{Alpha}+"));
        // The hostile-input suites type the same addresses and numbers into every field, free-text reasons included;
        // finding one of them in a reason is the attacker's text, not a person's data leaking.
        personal.removeAll(HostileValues.texts());
        // The portal itself reads them back in plain text.
        assertThat(personal).contains("王 示例", phone).hasSizeGreaterThan(40);

        List<String> found = new ArrayList<>();
        int documents = 0;
        for (String collection : mongo.getCollectionNames()) {
            if (collection.endsWith(".chunks")) {
                continue; // file bytes: the uploaded manual and videos, which hold no participant's data
            }
            for (Document raw : mongo.getCollection(collection).find()) {
                documents++;
                collectStrings(raw, collection, found, personal);
            }
        }
        assertThat(documents).as("documents read raw").isGreaterThan(250);
        assertThat(found).as("personal data in plain text").isEmpty();
    }

    private static void collectStrings(Object value, String where, List<String> found, Set<String> personal) {
        if (value instanceof Document document) {
            document.forEach((key, nested) -> collectStrings(nested, where + "." + key, found, personal));
        } else if (value instanceof List<?> list) {
            list.forEach(item -> collectStrings(item, where + "[]", found, personal));
        } else if (value instanceof String text) {
            personal.stream().filter(text::contains).findFirst()
                    .ifPresent(hit -> found.add(where + " holds \"" + hit + "\""));
        }
    }
}
