package de.digitalcheck.portal.admin.web;

import de.digitalcheck.portal.accounts.Accounts;
import de.digitalcheck.portal.routing.Agencies;
import de.digitalcheck.portal.routing.Agency;
import de.digitalcheck.portal.shared.i18n.Language;
import de.digitalcheck.portal.shared.i18n.Messages;
import de.digitalcheck.portal.shared.security.Role;
import de.digitalcheck.portal.shared.validation.FieldError;
import de.digitalcheck.portal.shared.web.Choice;
import jakarta.inject.Singleton;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The model of the network admin's overview: agencies with territories and overlaps, the directory, invitations. */
@Singleton
class AdminViews {

    private final Agencies agencies;
    private final Accounts accounts;
    private final Messages messages;

    AdminViews(Agencies agencies, Accounts accounts, Messages messages) {
        this.agencies = agencies;
        this.accounts = accounts;
        this.messages = messages;
    }

    /** An agency's row: its territories and, as text, where they lie inside another agency's. */
    public record AgencyRow(Agency agency, List<String> territories, List<String> overlaps) {
    }

    Map<String, Object> admin(Language lang, InviteForm form, List<FieldError> errors, boolean invited) {
        List<AgencyRow> rows = agencies.overview().stream().map(a -> new AgencyRow(a.agency(), a.territories(),
            a.overlaps().stream().map(o -> messages.get(lang, "admin.overlap", o.prefix(), o.within(), o.withinAgencyId()))
                .toList())).toList();
        Map<String, Object> model = new HashMap<>();
        model.put("agencies", rows);
        model.put("accounts", accounts.all());
        model.put("form", form);
        model.put("errors", messages.byField(lang, errors));
        model.put("roles", Arrays.stream(Role.values())
            .map(r -> new Choice(r.name(), messages.get(lang, "role." + r.name()))).toList());
        model.put("agencyChoices", agencies.all().stream().map(a -> new Choice(a.id(), a.name())).toList());
        model.put("invited", invited);
        model.put("withdrawn", false);
        model.put("territoryErrors", Map.of());
        model.put("territoryForm", TerritoryForm.EMPTY);
        return model;
    }

    /** An account's page: its state, the role form (as typed after an error) and what can be done. */
    Map<String, Object> account(Language lang, de.digitalcheck.portal.accounts.Account account,
                                @io.micronaut.core.annotation.Nullable RoleForm typed, List<FieldError> errors) {
        Map<String, Object> model = new HashMap<>();
        model.put("account", account);
        model.put("agencyName", account.agencyId() == null ? null
            : agencies.all().stream().filter(a -> a.id().equals(account.agencyId())).map(a -> a.name()).findFirst()
                .orElse(account.agencyId()));
        model.put("roleValue", typed == null ? account.role().name() : typed.role());
        model.put("agencyValue", typed == null ? account.agencyId() : typed.agencyId());
        model.put("errors", messages.byField(lang, errors));
        model.put("roles", Arrays.stream(Role.values())
            .map(r -> new Choice(r.name(), messages.get(lang, "role." + r.name()))).toList());
        model.put("agencyChoices", agencies.all().stream().map(a -> new Choice(a.id(), a.name())).toList());
        model.put("saved", false);
        return model;
    }

    Map<String, String> errors(Language lang, List<FieldError> errors) {
        return messages.byField(lang, errors);
    }
}
