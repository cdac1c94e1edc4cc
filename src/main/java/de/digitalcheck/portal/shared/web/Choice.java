package de.digitalcheck.portal.shared.web;

import de.digitalcheck.portal.shared.i18n.Language;
import de.digitalcheck.portal.shared.i18n.Messages;

import java.util.Arrays;
import java.util.List;

/** One option of a select or a radio group: the value the form posts and the text the page shows. */
public record Choice(String value, String label) {

    /**
     * The languages a person can be invited in, German (the portal's default) first, each named in {@code shownIn}
     * ({@code language.name.<code>}): the admin's invitation and the agency's coach invitation offer the same.
     */
    public static List<Choice> invitationLanguages(Messages messages, Language shownIn) {
        return Arrays.stream(Language.values())
            .map(l -> new Choice(l.code(), messages.get(shownIn, "language.name." + l.code()))).toList();
    }
}
