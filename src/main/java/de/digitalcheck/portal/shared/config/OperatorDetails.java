package de.digitalcheck.portal.shared.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;

import java.util.Arrays;
import java.util.List;

/**
 * Who runs this installation of the portal ({@code portal.operator.*}, {@code OPERATOR_*}): the imprint names it as
 * the provider (§ 5 DDG, § 18 MStV) and the privacy notice as the controller (Art. 13 GDPR), with its data protection
 * officer and supervisory authority where they are set. Every part is optional; without a name the pages say that the
 * details have not been entered yet rather than show someone else's. Blank values count as not set.
 *
 * @param name                  the provider, e.g. "Wirtschaftsförderung Dortmund"
 * @param address               its postal address, lines separated by semicolons or line breaks
 * @param email                 its contact address
 * @param phone                 its telephone number
 * @param representative        who represents it ("vertreten durch")
 * @param register              its register entry, e.g. "Amtsgericht Dortmund, HRB 12345"
 * @param vatId                 its VAT identification number
 * @param editor                who is responsible for the content under § 18 (2) MStV, with address
 * @param privacyOfficer        how to reach its data protection officer
 * @param supervisoryAuthority  the data protection authority responsible for it
 * @param securityContact       where to report a security problem ({@code /.well-known/security.txt}): e-mail
 *                              addresses or {@code mailto:}, {@code https:} or {@code tel:} addresses, separated by
 *                              commas or spaces
 * @param securityPolicy        the address of its policy for reports of security problems
 * @param publicBody            whether it is a public body (an authority, or a body entrusted with a public task): the
 *                              privacy notice then names Art. 6 (1) (e) GDPR as the legal basis for the self-check,
 *                              bookings and the portal's protection against abuse; otherwise Art. 6 (1) (b) and (f)
 * @param publicTask            for a public body, the law that assigns it the task (Art. 6 (3) GDPR), e.g.
 *                              "§ 3 Abs. 1 DSG NRW"
 * @param processors            who processes personal data on its behalf (Art. 28 GDPR), e.g. its data centre and
 *                              mail service: the privacy notice names them as recipients
 * @param processorsEn          {@code processors} in English, for the English page (without it, the German text marked
 *                              as such)
 */
@ConfigurationProperties("portal.operator")
public record OperatorDetails(@Nullable String name, @Nullable String address, @Nullable String email,
                              @Nullable String phone, @Nullable String representative, @Nullable String register,
                              @Nullable String vatId, @Nullable String editor, @Nullable String privacyOfficer,
                              @Nullable String supervisoryAuthority, @Nullable String securityContact,
                              @Nullable String securityPolicy, boolean publicBody, @Nullable String publicTask,
                              @Nullable String processors, @Nullable String processorsEn) {

    public OperatorDetails {
        name = set(name);
        address = set(address);
        email = set(email);
        phone = set(phone);
        representative = set(representative);
        register = set(register);
        vatId = set(vatId);
        editor = set(editor);
        privacyOfficer = set(privacyOfficer);
        supervisoryAuthority = set(supervisoryAuthority);
        securityContact = set(securityContact);
        securityPolicy = set(securityPolicy);
        publicTask = set(publicTask);
        processors = set(processors);
        processorsEn = set(processorsEn);
    }

    private static String set(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** The processors for a page in {@code pageLanguage}: in that language where given, else the other. */
    public @Nullable String processors(String pageLanguage) {
        return OperatorTexts.text(pageLanguage, processors, processorsEn);
    }

    /** The language of {@link #processors(String)} where it is not the page's, else null. */
    public @Nullable String processorsLanguage(String pageLanguage) {
        return OperatorTexts.language(pageLanguage, processors, processorsEn);
    }

    /** Whether the provider's details have been entered (at least its name). */
    public boolean configured() {
        return name != null;
    }

    /** The address's lines, without blank ones. */
    public List<String> addressLines() {
        return address == null ? List.of()
            : Arrays.stream(address.split("[;\\r\\n]+")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    /**
     * The security contacts as the addresses {@code security.txt} names (RFC 9116): an e-mail address becomes a
     * {@code mailto:} address; what is neither an e-mail address nor a {@code mailto:}, {@code https:} or {@code tel:}
     * address is left out.
     */
    public List<String> securityContacts() {
        if (securityContact == null) {
            return List.of();
        }
        return Arrays.stream(securityContact.split("[,;\\s]+")).filter(s -> !s.isEmpty())
            .map(c -> c.contains(":") || !c.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+") ? c : "mailto:" + c)
            .filter(c -> c.matches("(?i)(mailto:[^@\\s]+@[^@\\s]+|https://\\S+|tel:\\+?[0-9()./-]+)")).toList();
    }
}
