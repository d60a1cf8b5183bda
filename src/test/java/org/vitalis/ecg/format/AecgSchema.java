package org.vitalis.ecg.format;

import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.vitalis.ecg.SharedData;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXParseException;

/** The FDA's aECG XSD set (2003-12 ballot) from the shared data; tests using it skip when the data are absent. */
final class AecgSchema {
    private static Schema schema;

    private AecgSchema() {
    }

    static synchronized Schema get() throws Exception {
        if (schema == null) {
            Path xsd = SharedData.require("ecg-formats/hl7-aecg/fda-aecg-python/schema-2003-12")
                    .resolve("schema/PORT_MT020001.xsd");
            SchemaFactory f = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
            // the schema includes its sibling files; nothing else may be fetched
            f.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "file");
            f.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            schema = f.newSchema(xsd.toFile());
        }
        return schema;
    }

    /** Schema violations of the document, empty when it is valid. */
    static List<String> violations(byte[] xml) throws Exception {
        Validator v = get().newValidator();
        v.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        v.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        List<String> errors = new ArrayList<>();
        v.setErrorHandler(new ErrorHandler() {
            @Override
            public void warning(SAXParseException e) {
            }

            @Override
            public void error(SAXParseException e) {
                errors.add("line " + e.getLineNumber() + ": " + e.getMessage());
            }

            @Override
            public void fatalError(SAXParseException e) {
                errors.add("line " + e.getLineNumber() + ": " + e.getMessage());
            }
        });
        v.validate(new StreamSource(new ByteArrayInputStream(xml)));
        return errors;
    }
}
