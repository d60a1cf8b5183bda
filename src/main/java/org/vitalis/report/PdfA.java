package org.vitalis.report;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.GregorianCalendar;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.pdfbox.pdmodel.graphics.color.PDOutputIntent;

/**
 * What PDF/A-2b (ISO 19005-2, level B: reliable visual reproduction for archiving) asks of a document beyond embedded
 * fonts: XMP metadata that declares the conformance and matches the document information, and an output intent with
 * an ICC profile for the DeviceRGB colours used. The sRGB profile comes from the Java runtime; PDFBox ships none.
 * No metadata names the patient: it is read by indexers that never see the page.
 */
final class PdfA {
    static final String TITLE = "ECG report";
    static final String CREATOR = "Vitalis";
    static final String PRODUCER = "Vitalis with Apache PDFBox";
    private static final String SRGB = "sRGB IEC61966-2.1";

    private PdfA() {
    }

    static void apply(PDDocument doc, Instant created) throws IOException {
        Instant when = created.truncatedTo(ChronoUnit.SECONDS);
        doc.setVersion(1.7f);
        PDDocumentInformation info = doc.getDocumentInformation();
        info.setTitle(TITLE);
        info.setCreator(CREATOR);
        info.setProducer(PRODUCER);
        GregorianCalendar calendar = GregorianCalendar.from(when.atZone(ZoneOffset.UTC));
        info.setCreationDate(calendar);
        info.setModificationDate(calendar);

        PDMetadata metadata = new PDMetadata(doc);
        metadata.importXMPMetadata(xmp(when).getBytes(StandardCharsets.UTF_8));
        doc.getDocumentCatalog().setMetadata(metadata);

        byte[] profile = ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData();
        PDOutputIntent intent = new PDOutputIntent(doc, new ByteArrayInputStream(profile));
        intent.setInfo(SRGB);
        intent.setOutputCondition(SRGB);
        intent.setOutputConditionIdentifier(SRGB);
        intent.setRegistryName("http://www.color.org");
        doc.getDocumentCatalog().addOutputIntent(intent);
    }

    private static String xmp(Instant when) {
        String date = DateTimeFormatter.ISO_INSTANT.format(when);
        return """
                <?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>
                <x:xmpmeta xmlns:x="adobe:ns:meta/">
                 <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
                  <rdf:Description rdf:about=""
                    xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/"
                    xmlns:dc="http://purl.org/dc/elements/1.1/"
                    xmlns:xmp="http://ns.adobe.com/xap/1.0/"
                    xmlns:pdf="http://ns.adobe.com/pdf/1.3/">
                   <pdfaid:part>2</pdfaid:part>
                   <pdfaid:conformance>B</pdfaid:conformance>
                   <dc:format>application/pdf</dc:format>
                   <dc:title><rdf:Alt><rdf:li xml:lang="x-default">%s</rdf:li></rdf:Alt></dc:title>
                   <xmp:CreatorTool>%s</xmp:CreatorTool>
                   <xmp:CreateDate>%s</xmp:CreateDate>
                   <xmp:ModifyDate>%s</xmp:ModifyDate>
                   <pdf:Producer>%s</pdf:Producer>
                  </rdf:Description>
                 </rdf:RDF>
                </x:xmpmeta>
                <?xpacket end="w"?>
                """.formatted(TITLE, CREATOR, date, date, PRODUCER);
    }
}
