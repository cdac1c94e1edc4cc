package de.digitalcheck.portal.shared.privacy;

import de.digitalcheck.portal.shared.i18n.Language;
import de.digitalcheck.portal.shared.validation.Formats;
import io.micronaut.core.order.OrderUtil;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A company's rights over its data (GDPR art. 15, 17, 20), across every module that holds some: export everything
 * stored about an email address, and erase it. Each runs in one transaction over all {@link PersonalDataHolder}s:
 * an erasure that fails anywhere changes nothing anywhere.
 */
@Singleton
public class PersonalDataRequests {

    private final List<PersonalDataHolder> holders;

    PersonalDataRequests(List<PersonalDataHolder> holders) {
        List<PersonalDataHolder> sorted = new ArrayList<>(holders);
        OrderUtil.sort(sorted);
        this.holders = List.copyOf(sorted);
    }

    /** Every module's data about this address by its part name, for a JSON download; its words in German. */
    @Transactional(readOnly = true)
    public Map<String, Object> export(String email) {
        return export(email, Language.DE);
    }

    /**
     * Every module's data about this address by its part name, for a JSON download: codes stay as stored, and where a
     * part explains them in words (a lead's history), the words are in {@code language}, named as the export's
     * {@code language}.
     */
    @Transactional(readOnly = true)
    public Map<String, Object> export(String email, Language language) {
        String address = Formats.normalisedEmail(email);
        Map<String, Object> export = new LinkedHashMap<>();
        export.put("email", address);
        export.put("language", language.code());
        holders.forEach(h -> export.put(h.part(), h.export(address, language)));
        return export;
    }

    /** Erases every module's data about this address; how many records each module changed, by part name. */
    @Transactional
    public Map<String, Integer> erase(String email) {
        String address = Formats.normalisedEmail(email);
        Map<String, Integer> erased = new LinkedHashMap<>();
        holders.forEach(h -> erased.put(h.part(), h.erase(address)));
        return erased;
    }
}
