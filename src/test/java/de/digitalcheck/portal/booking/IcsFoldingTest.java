package de.digitalcheck.portal.booking;

import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every iCalendar the portal writes (the mailed invitation and cancellation, the coach's feed) has its content lines
 * folded at 75 octets (RFC 5545 §3.1) with CRLF and a space, never inside a character's UTF-8 bytes, and reads back
 * to the same text: long German texts with umlauts, typographic quotes and a character beyond the BMP.
 */
class IcsFoldingTest {

    static final String SUMMARY = "Erstgespräch zur Digitalisierung – Wirtschaftsförderung Ennepe-Ruhr-Kreis „Zukunft“ "
        + "für Handwerksbetriebe mit großen Plänen äöüÄÖÜß";
    static final String DESCRIPTION = "Ihr Termin mit Jürgen Müller-Lüdenscheidt von der Wirtschaftsförderung. "
        + "Bitte halten Sie Ihre Unterlagen zur Förderung bereit: „Digitalisierungsgutschein“ und Größenangaben.\n"
        + "Änderungen über Ihren persönlichen Link. Wir freuen uns auf das Gespräch 🙂 – Grüße aus Schwelm "
        + "äääääääääääääääääääääääääääääääääääääääääääääääääääääääääääääääääääää€€€€€€€€€€€€€€€€€€€€€€€€€€€";
    static final String LOCATION = "Bei Ihnen im Unternehmen: Müller & Söhne GmbH, Große Straße 12, 58332 Schwelm "
        + "(Hinterhof, Tür „Büro“ links, 3. Obergeschoss über der Bäckerei)";

    static AppointmentCalendar.Invitation invitation(boolean cancelled) {
        Instant start = LocalDateTime.parse("2026-12-07T09:00").atZone(AppointmentCalendarTest.BERLIN).toInstant();
        return new AppointmentCalendar.Invitation("b-1", cancelled ? 1 : 0, cancelled, start, start.plusSeconds(3600),
            SUMMARY, DESCRIPTION, LOCATION, "Wirtschaftsförderung Ennepe-Ruhr-Kreis für Gründerinnen und Gründer",
            "kontakt@en.example.org", "Müller & Söhne Großhandel für Bürobedarf GmbH", "mia@muster.example",
            "Jürgen Müller-Lüdenscheidt", "juergen@en.example.org", Instant.parse("2026-03-01T10:00:00Z"));
    }

    @Test
    void theInvitationIsFoldedAt75OctetsAndReadsBack() throws Exception {
        checkFoldedAndSame(AppointmentCalendar.ics(invitation(false)));
    }

    @Test
    void theCancellationIsFoldedAt75OctetsAndReadsBack() throws Exception {
        checkFoldedAndSame(AppointmentCalendar.ics(invitation(true)));
    }

    @Test
    void theCoachFeedIsFoldedAt75OctetsAndReadsBack() throws Exception {
        Instant start = LocalDateTime.parse("2026-12-07T09:00").atZone(AppointmentCalendarTest.BERLIN).toInstant();
        String ics = CoachFeedCalendar.ics("Termine von Jürgen Müller-Lüdenscheidt – Wirtschaftsförderung Ennepe-Ruhr",
            List.of(new CoachFeedCalendar.Event("b-1", 0, false, start, start.plusSeconds(3600), SUMMARY, DESCRIPTION,
                LOCATION), new CoachFeedCalendar.Event("b-2", 2, true, start.plusSeconds(7200),
                start.plusSeconds(10800), SUMMARY, DESCRIPTION, LOCATION)), Instant.parse("2026-03-01T10:00:00Z"));
        Calendar calendar = checkFolded(ics);
        List<VEvent> events = calendar.getComponents("VEVENT");
        assertThat(events).hasSize(2);
        for (VEvent event : events) {
            assertSameTexts(event);
        }
        assertThat(calendar.getProperty("X-WR-CALNAME").orElseThrow().getValue())
            .isEqualTo("Termine von Jürgen Müller-Lüdenscheidt – Wirtschaftsförderung Ennepe-Ruhr");
    }

    @Test
    void shortLinesStayWhole() {
        assertThat(IcsText.fold("SUMMARY:Kurz\r\n")).isEqualTo("SUMMARY:Kurz\r\n");
        String seventyFive = "X".repeat(75);
        assertThat(IcsText.fold(seventyFive + "\r\n")).isEqualTo(seventyFive + "\r\n");
        assertThat(IcsText.fold(seventyFive + "Y\r\n")).isEqualTo(seventyFive + "\r\n Y\r\n");
        // 74 octets and an umlaut (2 octets): the umlaut goes whole onto the next line
        assertThat(IcsText.fold("X".repeat(74) + "ä\r\n")).isEqualTo("X".repeat(74) + "\r\n ä\r\n");
    }

    private static void checkFoldedAndSame(String ics) throws Exception {
        Calendar calendar = checkFolded(ics);
        assertSameTexts((VEvent) calendar.getComponent("VEVENT").orElseThrow());
    }

    private static void assertSameTexts(VEvent event) {
        assertThat(event.getProperty("SUMMARY").orElseThrow().getValue()).isEqualTo(SUMMARY);
        assertThat(event.getProperty("DESCRIPTION").orElseThrow().getValue()).isEqualTo(DESCRIPTION);
        assertThat(event.getProperty("LOCATION").orElseThrow().getValue()).isEqualTo(LOCATION);
    }

    /** Some lines folded, {@link #assertFolded}, then parsed. */
    private static Calendar checkFolded(String ics) throws Exception {
        assertFolded(ics);
        assertThat(ics.split("\r\n", -1)).as("continuation lines").filteredOn(l -> l.startsWith(" ")).hasSizeGreaterThan(3);
        return new CalendarBuilder().build(new StringReader(ics));
    }

    /** {@link #assertFolded(byte[])} of the text's UTF-8, and no character's UTF-16 pair cut in two. */
    static void assertFolded(String ics) {
        for (String line : ics.split("\r\n", -1)) {
            assertThat(line.codePoints().noneMatch(c -> Character.isSurrogate((char) c)))
                .as("a character split across lines: %s", line).isTrue();
        }
        assertFolded(ics.getBytes(StandardCharsets.UTF_8));
    }

    /** Each line at most 75 octets and whole UTF-8 by itself, CRLF after every line and nowhere else. */
    static void assertFolded(byte[] ics) {
        assertThat(ics.length).isGreaterThan(2);
        assertThat(new byte[] {ics[ics.length - 2], ics[ics.length - 1]}).containsExactly('\r', '\n');
        int start = 0;
        while (start < ics.length) {
            int end = start;
            while (ics[end] != '\r' && ics[end] != '\n') {
                end++;
            }
            assertThat(ics[end]).as("CR before every LF").isEqualTo((byte) '\r');
            assertThat(ics[end + 1]).as("LF after every CR").isEqualTo((byte) '\n');
            byte[] line = java.util.Arrays.copyOfRange(ics, start, end);
            String text;
            try {
                text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(line)).toString();
            } catch (CharacterCodingException e) {
                throw new AssertionError("a character split across lines at octet " + start, e);
            }
            assertThat(line.length).as("octets of %s", text).isLessThanOrEqualTo(75);
            start = end + 2;
        }
    }
}
