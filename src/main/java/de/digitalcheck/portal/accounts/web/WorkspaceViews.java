package de.digitalcheck.portal.accounts.web;

import de.digitalcheck.portal.accounts.Account;
import de.digitalcheck.portal.accounts.Accounts;
import de.digitalcheck.portal.accounts.Role;
import de.digitalcheck.portal.accounts.SignedIn;
import de.digitalcheck.portal.routing.Agencies;
import de.digitalcheck.portal.routing.Agency;
import de.digitalcheck.portal.routing.Territories;
import de.digitalcheck.portal.routing.Territory;
import de.digitalcheck.portal.shared.i18n.Language;
import de.digitalcheck.portal.shared.i18n.Messages;
import de.digitalcheck.portal.shared.validation.FieldError;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

/** The models of the workspaces. */
@Singleton
class WorkspaceViews {

    private final Agencies agencies;
    private final Territories territories;
    private final Accounts accounts;
    private final Messages messages;

    private final de.digitalcheck.portal.routing.AgencyAdministration administration;

    WorkspaceViews(Agencies agencies, Territories territories, Accounts accounts, Messages messages,
                   de.digitalcheck.portal.routing.AgencyAdministration administration) {
        this.administration = administration;
        this.agencies = agencies;
        this.territories = territories;
        this.accounts = accounts;
        this.messages = messages;
    }

    public record ModeChoice(String value, boolean checked) {
    }

    public record AgencyRow(Agency agency, List<String> territories, List<String> overlaps) {
    }

    Map<String, Object> admin(Language lang, InviteForm form, List<FieldError> errors, boolean invited) {
        List<Territory> all = StreamSupport.stream(territories.findAll().spliterator(), false).toList();
        List<AgencyRow> rows = new ArrayList<>();
        for (Agency agency : agencies.findAllOrderByName()) {
            List<String> own = all.stream().filter(t -> t.agencyId().equals(agency.id())).map(Territory::agsPrefix).sorted().toList();
            List<String> overlaps = new ArrayList<>();
            for (String prefix : own) {
                all.stream().filter(t -> !t.agencyId().equals(agency.id()))
                    .filter(t -> prefix.startsWith(t.agsPrefix()))
                    .forEach(t -> overlaps.add(messages.get(lang, "admin.overlap", prefix, t.agsPrefix(), t.agencyId())));
            }
            rows.add(new AgencyRow(agency, own, overlaps));
        }
        Map<String, Object> model = new HashMap<>();
        model.put("agencies", rows);
        model.put("accounts", accounts.findAllOrderByEmail());
        model.put("form", form);
        model.put("errors", messages.byField(lang, errors));
        model.put("roles", List.of(Role.values()));
        model.put("agencyChoices", agencies.findAllOrderByName());
        model.put("invited", invited);
        model.put("territoryErrors", Map.of());
        model.put("territoryForm", Map.of("agencyId", "", "prefix", ""));
        return model;
    }

    Messages messages() {
        return messages;
    }

    Map<String, Object> agency(SignedIn user) {
        Map<String, Object> model = new HashMap<>();
        model.put("errors", Map.of());
        model.put("saved", false);
        model.put("coachInvited", false);
        model.put("coachErrors", Map.of());
        model.put("coachForm", Map.of());
        Agency agency = agencies.findById(user.agencyId()).orElseThrow();
        model.put("agency", agency);
        model.put("values", de.digitalcheck.portal.routing.AgencyProfile.of(agency).values());
        model.put("hasLogo", administration.hasLogo(user.agencyId()));
        model.put("logoAction", "/agentur/logo");
        model.put("logoError", null);
        model.put("territories", StreamSupport.stream(territories.findAll().spliterator(), false)
            .filter(t -> t.agencyId().equals(user.agencyId())).map(Territory::agsPrefix).sorted().toList());
        model.put("coaches", accounts.findByAgencyIdAndRoleOrderByName(user.agencyId(), Role.COACH));
        model.put("staff", accounts.findByAgencyIdAndRoleOrderByName(user.agencyId(), Role.AGENCY_STAFF));
        return model;
    }

    Map<String, Object> coach(SignedIn user) {
        Account account = accounts.findById(user.accountId()).orElseThrow();
        Map<String, Object> model = new HashMap<>();
        model.put("account", account);
        model.put("errors", Map.of());
        model.put("saved", false);
        model.put("form", Map.of("name", account.name(), "expertise", account.expertise()));
        model.put("modes", java.util.Arrays.stream(de.digitalcheck.portal.accounts.MeetingMode.values())
            .map(m -> new ModeChoice(m.name(), account.modes().contains(m.name()))).toList());
        model.put("agency", agencies.findById(account.agencyId()).orElse(null));
        return model;
    }
}
