package de.digitalcheck.portal.shared.mail;

import de.digitalcheck.portal.shared.privacy.PersonalDataHolder;
import jakarta.inject.Singleton;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The mail outbox's part of a company's data rights: mails to the address that wait to be sent (a mail server that is
 * away keeps them for hours). The export names each with its subject, when it was written, its attempts and its
 * attachment's name; the erasure deletes them, so they are never sent.
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

    @Override
    public int erase(String email) {
        return rows.deleteByAddress(email);
    }
}
