package org.researchportal.reporting;

import java.net.URL;
import java.util.Objects;
import javax.xml.XMLConstants;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.xml.sax.SAXException;

/**
 * CDISC's official ODM 1.3.2 schema, kept with the tests (src/test/resources/cdisc-odm-1.3.2, as CDISC publishes it)
 * so the exports are validated in any clone of the project, not only where a copy lies beside it.
 */
final class OdmSchema {

    private OdmSchema() {
    }

    static Validator validator() throws SAXException {
        URL schema = Objects.requireNonNull(OdmSchema.class.getResource("/cdisc-odm-1.3.2/ODM1-3-2.xsd"),
                "the ODM 1.3.2 schema is missing from the test resources");
        return SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI).newSchema(schema).newValidator();
    }
}
