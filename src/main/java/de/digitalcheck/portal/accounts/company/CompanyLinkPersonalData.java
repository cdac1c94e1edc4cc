package de.digitalcheck.portal.accounts.company;

import de.digitalcheck.portal.shared.privacy.PersonalDataHolder;
import jakarta.inject.Singleton;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The magic links' part of a company's data rights: when links were sent to the address, and forgetting them. */
@Singleton
class CompanyLinkPersonalData implements PersonalDataHolder {

    private final CompanyLinks links;

    CompanyLinkPersonalData(CompanyLinks links) {
        this.links = links;
    }

    @Override
    public String part() {
        return "magicLinks";
    }

    @Override
    public List<Map<String, Object>> export(String email) {
        return links.findByEmail(email).stream().map(l -> {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("sentAt", l.createdAt().toString());
            doc.put("expiresAt", l.expiresAt().toString());
            doc.put("usedAt", l.usedAt() == null ? null : l.usedAt().toString());
            return doc;
        }).toList();
    }

    @Override
    public int erase(String email) {
        int count = links.findByEmail(email).size();
        links.deleteByEmail(email);
        return count;
    }
}
