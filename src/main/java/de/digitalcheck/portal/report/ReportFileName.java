package de.digitalcheck.portal.report;

import de.digitalcheck.portal.shared.mail.AttachmentName;

import java.text.Normalizer;
import java.time.LocalDate;

/**
 * The report's file name, {@code digitalcheck-<company>-<date>.pdf} with the company's own spelling, as one
 * {@link AttachmentName} for the download and the mail alike (its ASCII name for {@code filename}, this one for
 * {@code filename*}).
 */
public final class ReportFileName {

    private static final int MAX_NAME = 60;

    private ReportFileName() {
    }

    public static AttachmentName of(String company, LocalDate date) {
        String slug = slug(company);
        return AttachmentName.of("digitalcheck-" + (slug.isEmpty() ? "" : slug + "-") + date + ".pdf");
    }

    /** The company's letters and digits, in its spelling, words joined by dashes, at most 60 characters as seen. */
    static String slug(String name) {
        String s = Normalizer.normalize(name, Normalizer.Form.NFC).replaceAll("[^\\p{L}\\p{N}]+", "-")
            .replaceAll("^-+", "");
        if (s.codePointCount(0, s.length()) > MAX_NAME) {
            s = s.substring(0, s.offsetByCodePoints(0, MAX_NAME));
        }
        return s.replaceAll("-+$", "");
    }
}
