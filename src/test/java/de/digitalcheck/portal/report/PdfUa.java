package de.digitalcheck.portal.report;

import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider;
import org.verapdf.pdfa.Foundries;
import org.verapdf.pdfa.PDFAParser;
import org.verapdf.pdfa.PDFAValidator;
import org.verapdf.pdfa.flavours.PDFAFlavour;
import org.verapdf.pdfa.results.TestAssertion;
import org.verapdf.pdfa.results.ValidationResult;

import java.io.ByteArrayInputStream;
import java.util.List;

/** veraPDF (greenfield parser) validating a PDF as PDF/UA-1 (ISO 14289-1, Matterhorn-based rules). */
final class PdfUa {

    static {
        VeraGreenfieldFoundryProvider.initialise();
    }

    private PdfUa() {
    }

    /** The failed rules, as "clause-test: message (context)"; empty when the file conforms. */
    static List<String> failures(byte[] pdf) {
        try (PDFAParser parser = Foundries.defaultInstance().createParser(new ByteArrayInputStream(pdf), PDFAFlavour.PDFUA_1);
             PDFAValidator validator = Foundries.defaultInstance().createValidator(PDFAFlavour.PDFUA_1, false)) {
            ValidationResult result = validator.validate(parser);
            List<String> failed = result.getTestAssertions().stream()
                .filter(a -> a.getStatus() == TestAssertion.Status.FAILED)
                .map(a -> a.getRuleId().getClause() + "-" + a.getRuleId().getTestNumber() + ": " + a.getMessage()
                    + " (" + a.getLocation().getContext() + ")")
                .distinct().toList();
            if (failed.isEmpty() && !result.isCompliant()) {
                return List.of("not compliant, without a failed assertion");
            }
            return failed;
        } catch (Exception e) {
            throw new IllegalStateException("veraPDF could not validate the file", e);
        }
    }
}
