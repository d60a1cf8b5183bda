package org.vitalis.ecg.format;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXParseException;

/**
 * XML parsers that read untrusted documents safely: no DOCTYPE at all (which rules out external entities, XXE, and
 * entity-expansion bombs, OWASP XML External Entity Prevention Cheat Sheet), no external DTD or schema fetched, no
 * XInclude, and the JDK's secure-processing limits (entity expansion, element depth, attribute count) on.
 */
final class SecureXml {
    private SecureXml() {
    }

    private static final DocumentBuilderFactory FACTORY = factory();

    /** A new builder (builders are not thread-safe); the configured factory is shared because creating one is slow. */
    static DocumentBuilder documentBuilder() {
        DocumentBuilder b;
        try {
            synchronized (FACTORY) {
                b = FACTORY.newDocumentBuilder();
            }
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("The JDK XML parser rejected its own configuration", e);
        }
        b.setErrorHandler(new ErrorHandler() {
            @Override
            public void warning(SAXParseException e) {
                // a warning does not stop the parse and says nothing about the recording
            }

            @Override
            public void error(SAXParseException e) throws SAXParseException {
                throw e;
            }

            @Override
            public void fatalError(SAXParseException e) throws SAXParseException {
                throw e;
            }
        });
        return b;
    }

    private static DocumentBuilderFactory factory() {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature("http://xml.org/sax/features/external-general-entities", false);
            f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            f.setXIncludeAware(false);
            f.setExpandEntityReferences(false);
            return f;
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("The JDK XML parser lacks a required security feature", e);
        }
    }
}
