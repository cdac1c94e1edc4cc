package de.digitalcheck.portal.shared.mail;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AttachmentNameTest {

    @Test
    void aNameWithUmlautsHasItsAsciiSpellingAndItsOwnPercentEncoded() {
        AttachmentName name = AttachmentName.of("Bericht Gießerei Müller.pdf");
        assertThat(name.ascii()).isEqualTo("bericht-giesserei-mueller.pdf");
        assertThat(name.unicode()).isEqualTo("Bericht Gießerei Müller.pdf");
        assertThat(name.contentDisposition()).isEqualTo("attachment; filename=\"bericht-giesserei-mueller.pdf\"; "
            + "filename*=UTF-8''Bericht%20Gie%C3%9Ferei%20M%C3%BCller.pdf");
    }

    @Test
    void anAsciiNameIsOfferedOnceWithoutAnExtendedName() {
        assertThat(AttachmentName.of("termin.ics").contentDisposition()).isEqualTo("attachment; filename=\"termin.ics\"");
    }

    @Test
    void noQuoteLineBreakOrPathReachesTheHeader() {
        AttachmentName name = AttachmentName.of("\"a\"\r\nSet-Cookie: x=1; ..\\../etc/passwd.pdf");
        assertThat(name.ascii()).isEqualTo("a-set-cookie-x-1.etc-passwd.pdf");
        assertThat(name.unicode()).doesNotContain("\r", "\n", "/", "\\");
        assertThat(name.contentDisposition()).doesNotContain("\r", "\n", "/", "\\", "\"a\"").startsWith("attachment; ");
        assertThat(AttachmentName.of("🚀.").ascii()).isEqualTo("file");
    }
}
