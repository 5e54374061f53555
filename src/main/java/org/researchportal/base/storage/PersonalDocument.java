package org.researchportal.base.storage;

import java.util.Map;
import org.bson.Document;
import org.researchportal.base.security.SealedValues;
import org.springframework.data.mongodb.core.convert.MongoConversionContext;
import org.springframework.data.mongodb.core.convert.MongoValueConverter;
import org.springframework.stereotype.Component;

/**
 * A whole document of personal data sealed as one value: the audit trail's before and after snapshots, which hold
 * whatever a record held (names, numbers, answers). The map must hold BSON values only (documents, lists, strings,
 * numbers, dates), as {@code MongoConverter#convertToMongoType} gives.
 */
@Component
public class PersonalDocument implements MongoValueConverter<Map<String, Object>, String> {

    private final SealedValues sealed;

    PersonalDocument(SealedValues sealed) {
        this.sealed = sealed;
    }

    @Override
    public Map<String, Object> read(String value, MongoConversionContext context) {
        return Document.parse(sealed.open(value));
    }

    @Override
    public String write(Map<String, Object> value, MongoConversionContext context) {
        return sealed.seal(new Document(value).toJson());
    }
}
