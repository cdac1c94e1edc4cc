package de.digitalcheck.portal.leads.web;

import de.digitalcheck.portal.leads.internal.LeadInbox;
import de.digitalcheck.portal.leads.internal.LeadRow;
import de.digitalcheck.portal.shared.i18n.ConsentTextVersions;
import de.digitalcheck.portal.shared.i18n.Language;
import de.digitalcheck.portal.shared.i18n.Messages;
import de.digitalcheck.portal.shared.time.PortalTime;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.QuoteMode;
import reactor.core.publisher.Flux;
import reactor.core.publisher.FluxSink;
import reactor.core.scheduler.Schedulers;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;

/**
 * The filtered inbox as CSV for the reader's spreadsheet: UTF-8 with a byte order mark, every cell quoted, the cells
 * separated as a spreadsheet of the reader's language (the language the pages speak to them) expects — German
 * {@code ;} (the comma is the German decimal mark), English {@code ,} —, with the decimal mark to match
 * ({@link Texts#score}). A cell that starts with {@code =}, {@code +}, {@code -}, {@code @}, a tab or a carriage
 * return gets a leading {@code '} so that a spreadsheet does not read it as a formula (CSV injection); every phone
 * number and every postcode gets it ({@link #textCell}: the postcode {@code 01067} is no number 1067). Written with
 * Apache Commons CSV in chunks of {@value #CHUNK} rows as the rows are read from the database, each handed to the
 * response as soon as the client asks for more: the file is never in memory as a whole.
 */
final class InboxCsv {

    static final int CHUNK = 200;
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    /** The German file: {@code ;} between cells, as a German spreadsheet splits a CSV file (its decimal mark is {@code ,}). */
    static final CSVFormat GERMAN = CSVFormat.Builder.create(CSVFormat.EXCEL).setDelimiter(';')
        .setQuoteMode(QuoteMode.ALL).setRecordSeparator("\r\n").build();
    /** The English file: {@code ,} between cells (its decimal mark is {@code .}). */
    static final CSVFormat ENGLISH = CSVFormat.Builder.create(GERMAN).setDelimiter(',').build();
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    /** ISO as the other dates of the file (it mixed "2026-12-04 17:09" with "08.12.2026"); spreadsheets read both. */
    private static final DateTimeFormatter DUE_DAY = DateTimeFormatter.ISO_LOCAL_DATE;
    /** The columns' message keys ({@code leads.csv.*}). */
    static final List<String> HEADER = List.of("id", "company", "postalCode", "municipality", "contact", "email", "phone",
        "sector", "employees", "level", "score", "stage", "assignee", "created", "due", "firstContact", "overdue",
        "consent");

    private InboxCsv() {
    }

    /**
     * The words of the export in the reader's language: the header, a lead's stage as the inbox page names it (with
     * its status unless open), yes and no, the consent's text as the lead's page names it.
     */
    record Texts(Messages messages, ConsentTextVersions versions, Language language) {

        List<String> header() {
            return HEADER.stream().map(column -> messages.get(language, "leads.csv." + column)).toList();
        }

        String stage(LeadInbox.Item item) {
            String stage = messages.get(language, "leads.stage." + item.stage());
            return LeadRow.OPEN.equals(item.status()) ? stage
                : stage + " (" + messages.get(language, "leads.status." + item.status()) + ")";
        }

        String yesNo(boolean value) {
            return messages.get(language, value ? "leads.csv.yes" : "leads.csv.no");
        }

        /**
         * The consent: its text's version as the lead's page names it ("Einwilligungstext vom Dezember 2026
         * (2. Fassung)"; the file had the identifier, "2026-12-2", which nobody reading it knows) and when it was
         * given, as the file's other times. {@code name}: the version's name ({@link #consentText}).
         */
        String consent(String name, Instant givenAt) {
            return messages.get(language, "leads.csv.consent.given", name, PortalTime.local(givenAt).format(TIME));
        }

        String consentText(String version) {
            return versions.name(language, version);
        }

        /**
         * The score with one decimal as the file's spreadsheet reads a number: German {@code 2,5}, English {@code 2.5}.
         * A German spreadsheet read the {@code 2.5} it once had as a date, the 2nd of May.
         */
        String score(@Nullable Double score) {
            if (score == null) {
                return null;
            }
            String text = String.format(java.util.Locale.ROOT, "%.1f", score);
            return language == Language.EN ? text : text.replace('.', ',');
        }

        /** The file's format in the reader's language: {@link #GERMAN} or {@link #ENGLISH}. */
        CSVFormat format() {
            return InboxCsv.format(language);
        }
    }

    /** {@link #ENGLISH} for English, {@link #GERMAN} otherwise (German first: the fallback language). */
    static CSVFormat format(Language language) {
        return language == Language.EN ? ENGLISH : GERMAN;
    }

    /**
     * The file's body for the request: for a {@code HEAD} none, without reading a row (the router answers a
     * {@code HEAD} with the {@code GET} route and drops the body; streamed, the whole file would be read to be dropped).
     */
    static Flux<byte[]> body(HttpRequest<?> request, LeadInbox inbox, LeadInbox.Scope scope,
                             LeadInbox.Filter filter, Texts texts) {
        return request.getMethod() == HttpMethod.HEAD ? Flux.empty()
            : stream(inbox, scope, filter, texts);
    }

    static Flux<byte[]> stream(LeadInbox inbox, LeadInbox.Scope scope, LeadInbox.Filter filter, Texts texts) {
        return Flux.<byte[]>create(sink -> {
            Chunk chunk = new Chunk(texts);
            try {
                chunk.out.write(BOM);
                chunk.printer.printRecord(texts.header().stream().map(InboxCsv::cell).toList());
                inbox.each(scope, filter, item -> {
                    if (sink.isCancelled()) {
                        throw new Cancelled();
                    }
                    chunk.row(item);
                    if (chunk.rows >= CHUNK) {
                        emit(sink, chunk);
                    }
                });
                emit(sink, chunk);
                sink.complete();
            } catch (Cancelled e) {
                // the client went away: stop reading
            } catch (RuntimeException | IOException e) {
                sink.error(e);
            }
        }, FluxSink.OverflowStrategy.BUFFER).subscribeOn(Schedulers.boundedElastic());
    }

    /** Hands the chunk over once the client asked for more (so a slow client does not pile up chunks here). */
    private static void emit(FluxSink<byte[]> sink, Chunk chunk) {
        try {
            chunk.printer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        while (sink.requestedFromDownstream() <= 0 && !sink.isCancelled()) {
            LockSupport.parkNanos(1_000_000);
        }
        sink.next(chunk.out.toByteArray());
        chunk.out.reset();
        chunk.rows = 0;
    }

    /**
     * A cell as a spreadsheet may show it: never a formula. Whatever starts with {@code =}, {@code +}, {@code -},
     * {@code @}, a tab or a carriage return gets a leading {@code '} ({@code +SUM(A1)}, {@code +1+cmd|' /C calc'!A0},
     * a company called {@code +1-1}).
     */
    static String cell(Object value) {
        if (value == null) {
            return "";
        }
        String s = value.toString();
        if (!s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0) {
            return "'" + s;
        }
        return s;
    }

    /**
     * A cell that is text, never a number: every phone number and every postcode with a leading {@code '}, so that it
     * is text in any spreadsheet. Written as it is, {@code +49-2302-123456} was the formula {@code =49-2302-123456}
     * (-125709), {@code +492302123456} the number 4,92302E+11, {@code 02302123456} the number 2302123456 (its 0 lost),
     * {@code (0231)} -231, and the postcode {@code 01067} (Dresden) the number 1067: which of the numbers the contact
     * form admits ({@code +}, digits, spaces, {@code ( ) / -}) a spreadsheet reads as a number, a date or a formula
     * depends on the program, its version and its language; a column is text only if every cell says so (so every
     * postcode, not only those that start with 0). The {@code '} because it is what the rest of the file uses and what
     * OWASP's CSV injection guidance and ASVS 1.2.10 ask for, and it is the one sign no spreadsheet strips before
     * reading the cell: a leading tab (the Symfony CSV encoder's first choice) is itself stripped and so on OWASP's
     * list of dangerous first characters; a non-breaking or zero-width space is invisible, travels with a copied number
     * into a phone or a CRM, and whether a program trims it differs; {@code ="+49…"} is a formula. The price: the
     * {@code '} may show in the cell, which a reader sees and a program importing the file strips (one leading
     * {@code '} in these columns, always).
     */
    static String textCell(@Nullable String value) {
        return value == null || value.isEmpty() ? "" : "'" + value;
    }

    private static final class Chunk {
        final ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        final CSVPrinter printer;
        final Texts texts;
        /** The consent texts' names by version: a file has a few versions and up to tens of thousands of rows. */
        final Map<String, String> consentTexts = new HashMap<>();
        int rows;

        Chunk(Texts texts) {
            this.texts = texts;
            try {
                printer = new CSVPrinter(new OutputStreamWriter(out, StandardCharsets.UTF_8), texts.format());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        void row(LeadInbox.Item i) {
            try {
                printer.printRecord(cell(i.id()), cell(i.companyName()), textCell(i.postalCode()), cell(i.municipality()),
                    cell(i.contactName()), cell(i.contactEmail()), textCell(i.contactPhone()), cell(i.sector()),
                    cell(i.employees()), cell(i.overallLevel()), cell(texts.score(i.score())), cell(texts.stage(i)),
                    cell(i.assigneeName()), cell(PortalTime.local(i.createdAt()).format(TIME)),
                    // the last day for the first contact, as the inbox shows it (the deadline is the next midnight)
                    cell(PortalTime.local(i.contactDueAt().minusSeconds(1)).format(DUE_DAY)),
                    cell(i.firstContactAt() == null ? null : PortalTime.local(i.firstContactAt()).format(TIME)),
                    cell(texts.yesNo(i.overdue())),
                    cell(texts.consent(consentTexts.computeIfAbsent(i.consentVersion(), texts::consentText),
                        i.consentAt())));
                rows++;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static final class Cancelled extends RuntimeException {
        Cancelled() {
            super(null, null, false, false);
        }
    }
}
