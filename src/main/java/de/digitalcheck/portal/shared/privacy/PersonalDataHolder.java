package de.digitalcheck.portal.shared.privacy;

import de.digitalcheck.portal.shared.i18n.Language;

/**
 * A module that stores personal data of companies' contacts, found by their email address. Every such module has one
 * bean of this type; {@link PersonalDataRequests} asks all of them at once, in one transaction, so that an export
 * is complete and an erasure leaves nothing behind.
 */
public interface PersonalDataHolder {

    /** The name of this module's part of an export, e.g. {@code assessments}. */
    String part();

    /** Everything stored about this address, JSON-ready (maps, lists, strings, numbers, booleans, nulls). */
    Object export(String email);

    /**
     * The same, where a part explains its codes in words, in {@code language} (the page's the export was asked on);
     * a part without such words exports as {@link #export(String)}.
     */
    default Object export(String email, Language language) {
        return export(email);
    }

    /**
     * Erases (or anonymises) what is stored about this address, inside the caller's transaction.
     *
     * @return how many records were affected
     */
    int erase(String email);
}
