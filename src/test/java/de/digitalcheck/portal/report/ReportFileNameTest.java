package de.digitalcheck.portal.report;

import de.digitalcheck.portal.shared.mail.AttachmentName;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class ReportFileNameTest {

    static final LocalDate DAY = LocalDate.of(2026, 11, 26);

    @Test
    void germanNamesAreSpelledOutInTheAsciiNameAndKeptInTheUnicodeOne() {
        AttachmentName name = ReportFileName.of("Gießerei Rüdiger & Söhne", DAY);
        assertThat(name.ascii()).isEqualTo("digitalcheck-giesserei-ruediger-soehne-2026-11-26.pdf");
        assertThat(name.unicode()).isEqualTo("digitalcheck-Gießerei-Rüdiger-Söhne-2026-11-26.pdf");
        assertThat(name.contentDisposition()).isEqualTo("attachment; filename=\"digitalcheck-giesserei-ruediger-soehne-"
            + "2026-11-26.pdf\"; filename*=UTF-8''digitalcheck-Gie%C3%9Ferei-R%C3%BCdiger-S%C3%B6hne-2026-11-26.pdf");
    }

    @Test
    void quotesLineBreaksAndPathsCannotBreakTheHeader() {
        AttachmentName name = ReportFileName.of("\"evil\"\r\nSet-Cookie: x=1; ../../etc/passwd", DAY);
        assertThat(name.ascii()).isEqualTo("digitalcheck-evil-set-cookie-x-1-etc-passwd-2026-11-26.pdf");
        assertThat(name.contentDisposition()).doesNotContain("\r", "\n", "/", "\"evil").startsWith("attachment; ");
    }

    @Test
    void longAndUnspellableNamesStillGiveAName() {
        assertThat(ReportFileName.of("x".repeat(300), DAY).ascii()).hasSize("digitalcheck--2026-11-26.pdf".length() + 60);
        assertThat(ReportFileName.of("🚀🚀", DAY).ascii()).isEqualTo("digitalcheck-2026-11-26.pdf");
        assertThat(ReportFileName.of("شركة الاختبار", DAY).ascii()).isEqualTo("digitalcheck-2026-11-26.pdf");
        assertThat(ReportFileName.of("شركة الاختبار", DAY).unicode()).isEqualTo("digitalcheck-شركة-الاختبار-2026-11-26.pdf");
    }
}
