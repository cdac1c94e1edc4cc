package de.digitalcheck.portal.shared;

import de.digitalcheck.portal.booking.AppointmentOutcome;
import de.digitalcheck.portal.booking.Booking;
import de.digitalcheck.portal.booking.MeetingMode;
import de.digitalcheck.portal.leads.internal.AccessTokens;
import de.digitalcheck.portal.leads.internal.DeliveryFailure;
import de.digitalcheck.portal.leads.internal.DeliveryRow;
import de.digitalcheck.portal.leads.internal.LeadInbox;
import de.digitalcheck.portal.leads.internal.LeadRow;
import de.digitalcheck.portal.leads.internal.LeadStages;
import de.digitalcheck.portal.readiness.Assessment;
import de.digitalcheck.portal.readiness.CompanyType;
import de.digitalcheck.portal.readiness.Sector;
import de.digitalcheck.portal.shared.security.Role;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pages name codes by message keys made of a prefix and the code ({@code #{'leads.stage.' + ${l.stage()}}}): a
 * code without a key shows {@code ??leads.stage.X_de_DE??}. Every value each such code can take — read from its enum
 * or its constants, so that a new one without words fails here — has its key in German and in English. The prefixes
 * the templates concatenate are all named here: a new one fails until its codes are.
 */
class TemplateCodesTest {

    /** The codes behind each concatenated prefix, from the code base. */
    private static Map<String, Collection<String>> codes() {
        Map<String, Collection<String>> codes = new LinkedHashMap<>();
        codes.put("role.", names(Role.values()));
        // the roles of an agency's team (staff and coaches): a network admin belongs to no agency's team
        codes.put("leads.assign.role.", Arrays.stream(Role.values()).filter(r -> r != Role.NETWORK_ADMIN)
            .map(Enum::name).toList());
        codes.put("booking.status.", names(Booking.Status.values()));
        codes.put("leads.status.", leadStatuses());
        codes.put("leads.stage.", LeadStages.ALL);
        codes.put("leads.log.state.", constants(DeliveryRow.class));
        codes.put("leads.log.failure.", names(DeliveryFailure.values()));
        codes.put("leads.inbox.sort.", names(LeadInbox.Sort.values()));
        codes.put("tokens.access.short.", constants(AccessTokens.class));
        // ApiTokenRow.state: as it writes them; holderGone is the page's own
        codes.put("tokens.state.", List.of("active", "revoked", "expired", "holderGone"));
        codes.put("mode.", names(MeetingMode.values()));
        codes.put("sector.", Sector.SECTIONS);
        codes.put("profile.companyType.", names(CompanyType.values()));
        codes.put("errorpage.", errorPages());
        // not in templates, but named the same way by TrailValues and the company's export
        codes.put("mode.inline.", names(MeetingMode.values()));
        codes.put("outcome.attendance.", names(AppointmentOutcome.Attendance.values()));
        codes.put("check.status.", names(Assessment.Status.values()));
        return codes;
    }

    /**
     * Prefixes whose part after it is no stored code: the page's own fixed lists (a form's fields, the overview's
     * groups, the accessibility statement's states), or a code the page names otherwise where it has no words
     * ({@code leads.audit.action.}: {@code TrailValues.what}).
     */
    private static final Set<String> NOT_CODES = Set.of("funding.field.", "agency.field.", "company.bookings.",
        "accessibility.status.", "leads.audit.action.");

    @Test
    void everyCodeAPageNamesByItsKeyHasWordsInGermanAndEnglish() {
        Properties de = bundle("i18n/messages_de.properties");
        Properties en = bundle("i18n/messages_en.properties");
        codes().forEach((prefix, values) -> {
            assertThat(values).as(prefix).isNotEmpty();
            for (String value : values) {
                assertThat(de.getProperty(prefix + value)).as("de " + prefix + value).isNotBlank();
                assertThat(en.getProperty(prefix + value)).as("en " + prefix + value).isNotBlank();
            }
        });
    }

    /** Every prefix a template puts a code behind is one this test knows: checked above, or known to be no code. */
    @Test
    void everyConcatenatedKeyOfTheTemplatesIsKnownHere() throws IOException {
        Pattern concatenated = Pattern.compile("#\\{\\$?\\{?'([a-zA-Z.]+\\.)' \\+");
        Set<String> prefixes = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/resources/views"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".html")).toList()) {
                Matcher m = concatenated.matcher(Files.readString(file));
                while (m.find()) {
                    prefixes.add(m.group(1));
                }
            }
        }
        assertThat(prefixes).contains("leads.stage.", "leads.log.failure.", "role.");
        Set<String> known = new TreeSet<>(codes().keySet());
        known.addAll(NOT_CODES);
        assertThat(known).containsAll(prefixes);
    }

    private static List<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).toList();
    }

    /** Every status a lead can have: {@link LeadRow}'s constants but its first stage ({@code NEW}). */
    private static List<String> leadStatuses() {
        List<String> statuses = new ArrayList<>(constants(LeadRow.class));
        statuses.removeAll(LeadStages.ALL);
        assertThat(statuses).contains(LeadRow.OPEN, LeadRow.WITHDRAWN, LeadRow.ERASED);
        return statuses;
    }

    /** The statuses the error page has a text of its own for (others show the 500's). */
    @SuppressWarnings("unchecked")
    private static List<String> errorPages() {
        try {
            Field f = de.digitalcheck.portal.shared.web.ErrorPages.class.getDeclaredField("PAGE_TEXTS");
            f.setAccessible(true);
            return ((Set<Integer>) f.get(null)).stream().map(String::valueOf).toList();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The values of a class's static String constants that are not private (its codes). */
    private static List<String> constants(Class<?> type) {
        List<String> values = new ArrayList<>();
        for (Field f : type.getDeclaredFields()) {
            if (Modifier.isStatic(f.getModifiers()) && Modifier.isFinal(f.getModifiers())
                && !Modifier.isPrivate(f.getModifiers()) && f.getType() == String.class) {
                try {
                    f.setAccessible(true);
                    values.add((String) f.get(null));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return values;
    }

    private static Properties bundle(String name) {
        Properties messages = new Properties();
        try (InputStream in = TemplateCodesTest.class.getClassLoader().getResourceAsStream(name)) {
            messages.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return messages;
    }
}
