package de.digitalcheck.portal.leads.web;

import de.digitalcheck.portal.leads.internal.LeadDossier;
import de.digitalcheck.portal.leads.internal.LeadForwarding;
import de.digitalcheck.portal.leads.internal.LeadRow;
import de.digitalcheck.portal.leads.internal.LeadStages;
import de.digitalcheck.portal.leads.internal.TrailValues;
import de.digitalcheck.portal.shared.i18n.ConsentTextVersions;
import de.digitalcheck.portal.shared.i18n.Language;
import de.digitalcheck.portal.shared.web.PortalLocaleResolver;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.context.ServerRequestContext;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * What the lead detail shows besides its stage form (issue 13): the check's result summary with the levels per
 * dimension and the staff's PDF, the consent log, the check's appointments, the forward form with the agencies the
 * lead can go to, and the trail's values in the reader's language ({@link TrailValues}). Staff's and network admins'
 * detail pages share it.
 */
@Singleton
class LeadDetailExtras {

    /**
     * A consent as the detail lists it: the text's version and language as a person reads them ("Einwilligungstext vom
     * Dezember 2026 (2. Fassung)", "Deutsch"), when it was given and withdrawn.
     */
    record ConsentLine(String text, String language, Instant givenAt, @Nullable Instant withdrawnAt,
                       @Nullable String contactName, @Nullable String contactEmail) {
    }

    private final LeadForwarding forwarding;
    private final LeadDossier dossier;
    private final ConsentTextVersions versions;
    private final TrailValues trailValues;

    LeadDetailExtras(LeadForwarding forwarding, LeadDossier dossier, ConsentTextVersions versions,
                     TrailValues trailValues) {
        this.trailValues = trailValues;
        this.forwarding = forwarding;
        this.dossier = dossier;
        this.versions = versions;
    }

    Map<String, Object> of(LeadRow lead) {
        Language language = ServerRequestContext.currentRequest().map(PortalLocaleResolver::language).orElse(Language.DE);
        Map<String, Object> model = new HashMap<>();
        model.put("summary", dossier.summary(lead, language).orElse(null));
        model.put("consents", dossier.consents(lead).stream().map(c -> new ConsentLine(
            versions.name(language, c.textVersion()), versions.languageName(language, c.language()), c.givenAt(),
            c.withdrawnAt(), c.contactName(), c.contactEmail())).toList());
        model.put("bookings", dossier.bookings(lead));
        model.put("language", language.code());
        model.put("forwardTargets", forwarding.targets(lead.agencyId()));
        model.put("forwardForm", ForwardForm.EMPTY);
        model.put("forwardAgencyError", null);
        model.put("forwardReasonError", null);
        model.put("forwardable", lead.open() && !LeadStages.next(lead.stage()).isEmpty());
        model.put("trailValues", trailValues);
        return model;
    }
}
