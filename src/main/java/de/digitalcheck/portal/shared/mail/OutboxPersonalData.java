package de.digitalcheck.portal.shared.mail;

import de.digitalcheck.portal.shared.privacy.PersonalDataHolder;
import jakarta.inject.Singleton;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The mail outbox's part of a company's data rights: mails to the address that wait to be sent (a mail server that is
 * away keeps them for hours). The export names each with its subject, when it was written, its attempts and its
 * attachment's name; the erasure deletes them, so they are never sent, and with them the waiting mails to others (a
 * coach, an agency) that name the address.
 */
@Singleton
class OutboxPersonalData implements PersonalDataHolder {

    private final OutboxRows rows;

    OutboxPersonalData(OutboxRows rows) {
        this.rows = rows;
    }

    @Override
    public String part() {
        return "pendingMails";
    }

    @Override
    public List<Map<String, Object>> export(String email) {
        return rows.findByAddress(email).stream().map(r -> {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("to", r.recipient());
            doc.put("subject", r.subject());
            doc.put("text", r.body());
            doc.put("attachment", r.attachmentName());
            doc.put("writtenAt", r.createdAt().toString());
            doc.put("attempts", r.attempts());
            return doc;
        }).toList();
    }

    /**
     * Deletes the mails to the address and the mails to others that name it: a coach's notice of a booking carries the
     * company's contact (name, address, phone) and, held while the mail server is away, was still sent after the
     * company had its data erased. An address inside a longer one ({@code a@b.de} in {@code xa@b.de}) is not a mention.
     */
    @Override
    public int erase(String email) {
        int erased = rows.deleteByAddress(email);
        Pattern whole = Pattern.compile("(?<![A-Za-z0-9.!#$%&'*+/=?^_`{|}~-])" + Pattern.quote(email)
            + "(?![A-Za-z0-9-]|\\.[A-Za-z0-9])", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
        for (OutboxRows.Mention mention : rows.findMentioning(email)) {
            if (whole.matcher(mention.body()).find()) {
                rows.deleteById(mention.id());
                erased++;
            }
        }
        return erased;
    }
}
