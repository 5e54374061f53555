package org.researchportal.base.storage;

import org.researchportal.base.security.SealedValues;
import org.springframework.data.mongodb.core.convert.MongoConversionContext;
import org.springframework.data.mongodb.core.convert.MongoValueConverter;
import org.springframework.stereotype.Component;

/**
 * Personal data at rest: a property marked {@code @ValueConverter(PersonalText.class)} (a name, a phone number, an
 * email address, a message text) is sealed on every write, updates included, and opened on every read, so the
 * database holds none of it in plain text. Sealed values cannot be queried by equality: a lookup keeps a keyed hash
 * beside the value ({@link SealedValues#lookup}).
 */
@Component
public class PersonalText implements MongoValueConverter<String, String> {

    private final SealedValues sealed;

    PersonalText(SealedValues sealed) {
        this.sealed = sealed;
    }

    @Override
    public String read(String value, MongoConversionContext context) {
        // A value stored before sealing began is read as it is, and sealed when next saved.
        return sealed.openIfSealed(value);
    }

    @Override
    public String write(String value, MongoConversionContext context) {
        return sealed.seal(value);
    }
}
