package de.digitalcheck.portal.leads.web;

import de.digitalcheck.portal.leads.internal.LeadInbox;
import de.digitalcheck.portal.shared.time.PortalTime;
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
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

/**
 * The filtered inbox as CSV for German Excel: UTF-8 with a byte order mark, {@code ;} between cells, every cell
 * quoted; a cell that starts with {@code =}, {@code +}, {@code -}, {@code @}, a tab or a carriage return gets a
 * leading {@code '} so that a spreadsheet does not read it as a formula (CSV injection). Written with Apache Commons
 * CSV in chunks of {@value #CHUNK} rows as the rows are read from the database, each handed to the response as soon
 * as the client asks for more: the file is never in memory as a whole.
 */
final class InboxCsv {

    static final int CHUNK = 200;
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    static final CSVFormat FORMAT = CSVFormat.Builder.create(CSVFormat.EXCEL).setDelimiter(';')
        .setQuoteMode(QuoteMode.ALL).setRecordSeparator("\r\n").build();
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    static final List<String> HEADER = List.of("id", "Unternehmen", "PLZ", "Ort", "Kontakt", "E-Mail", "Telefon",
        "Branche", "Beschäftigte", "Stufe", "Punkte", "Bearbeitungsstand", "Zuständig", "Eingegangen",
        "Erstkontakt bis", "Erstkontakt am", "überfällig", "Einwilligung");

    private InboxCsv() {
    }

    static Flux<byte[]> stream(LeadInbox inbox, LeadInbox.Scope scope, LeadInbox.Filter filter) {
        return Flux.<byte[]>create(sink -> {
            Chunk chunk = new Chunk();
            try {
                chunk.out.write(BOM);
                chunk.printer.printRecord(HEADER);
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

    /** A cell as a spreadsheet may show it: never a formula. */
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

    private static final class Chunk {
        final ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        final CSVPrinter printer;
        int rows;

        Chunk() {
            try {
                printer = new CSVPrinter(new OutputStreamWriter(out, StandardCharsets.UTF_8), FORMAT);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        void row(LeadInbox.Item i) {
            try {
                printer.printRecord(cell(i.id()), cell(i.companyName()), cell(i.postalCode()), cell(i.municipality()),
                    cell(i.contactName()), cell(i.contactEmail()), cell(i.contactPhone()), cell(i.sector()),
                    cell(i.employees()), cell(i.overallLevel()), cell(i.score()), cell(i.stage()),
                    cell(i.assigneeName()), cell(PortalTime.local(i.createdAt()).format(TIME)),
                    cell(PortalTime.local(i.contactDueAt()).format(TIME)),
                    cell(i.firstContactAt() == null ? null : PortalTime.local(i.firstContactAt()).format(TIME)),
                    i.overdue() ? "ja" : "nein",
                    cell(i.consentVersion() + " " + PortalTime.local(i.consentAt()).format(TIME)));
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
