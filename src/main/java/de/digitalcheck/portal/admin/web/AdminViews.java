package de.digitalcheck.portal.admin.web;

import de.digitalcheck.portal.accounts.Accounts;
import de.digitalcheck.portal.routing.Agencies;
import de.digitalcheck.portal.routing.Agency;
import de.digitalcheck.portal.routing.Place;
import de.digitalcheck.portal.routing.PostalCodeDirectory;
import de.digitalcheck.portal.routing.UnknownAgency;
import de.digitalcheck.portal.shared.i18n.Language;
import de.digitalcheck.portal.shared.i18n.Messages;
import de.digitalcheck.portal.shared.security.Role;
import de.digitalcheck.portal.shared.validation.FieldError;
import de.digitalcheck.portal.shared.web.Choice;
import de.digitalcheck.portal.shared.web.ErrorLink;
import jakarta.inject.Singleton;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The models of the network admin's overview (agencies with territories and overlaps, the directory, invitations) and
 * territories page (finding places by name, adding territories).
 */
@Singleton
class AdminViews {

    /** The roles an admin can invite, least powerful first: the invitation form's default is the first. */
    static final List<Role> ROLES_BY_POWER = List.of(Role.COACH, Role.AGENCY_STAFF, Role.NETWORK_ADMIN);

    private final Agencies agencies;
    private final Accounts accounts;
    private final Messages messages;
    private final PostalCodeDirectory directory;

    AdminViews(Agencies agencies, Accounts accounts, Messages messages, PostalCodeDirectory directory) {
        this.agencies = agencies;
        this.accounts = accounts;
        this.messages = messages;
        this.directory = directory;
    }

    /** An agency's row: its territories and, as text, where they lie inside another agency's. */
    public record AgencyRow(Agency agency, List<String> territories, List<String> overlaps) {
    }

    /** A place found by name, with the agency it is assigned to already (or null). */
    /**
     * A place found by the territory search.
     *
     * @param assignedTo the agency whose territory is exactly this place, else null
     * @param servedBy   else the agency that serves it through a larger territory (the longest prefix of the place's
     *                   that is assigned), else null: a more specific territory takes its place from that agency
     * @param servedVia  that larger territory's prefix
     */
    public record PlaceRow(Place place, String kind, String assignedTo, String servedBy, String servedVia) {
    }

    Map<String, Object> admin(Language lang, InviteForm form, List<FieldError> errors, boolean invited) {
        Map<String, String> names = agencyNames();
        List<AgencyRow> rows = agencies.overview().stream().map(a -> new AgencyRow(a.agency(), a.territories(),
            a.overlaps().stream().map(o -> messages.get(lang, "admin.overlap", o.prefix(), o.within(),
                names.getOrDefault(o.withinAgencyId(), o.withinAgencyId()))).toList())).toList();
        Map<String, Object> model = new HashMap<>();
        model.put("agencies", rows);
        Map<String, String> described = new HashMap<>();
        rows.forEach(r -> r.territories().forEach(t -> described.put(t, directory.describe(t))));
        model.put("territoryNames", described);
        model.put("accounts", accounts.all());
        model.put("agencyNames", names);
        model.put("form", form);
        Map<String, String> byField = messages.byField(lang, errors);
        model.put("errors", byField);
        model.put("errorLinks", ErrorLink.toFirstOption(personErrorLinks(lang, byField, "#invite-", "#invite-email"),
            "#invite-language", "invite-language-", Choice.invitationLanguages(messages, lang)));
        model.put("roles", ROLES_BY_POWER.stream()
            .map(r -> new Choice(r.name(), messages.get(lang, "role." + r.name()))).toList());
        model.put("agencyChoices", agencyChoices());
        model.put("languages", Choice.invitationLanguages(messages, lang));
        model.put("invited", invited);
        model.put("withdrawn", false);
        model.put("territoryErrors", Map.of());
        model.put("territoryForm", TerritoryForm.EMPTY);
        return model;
    }

    /**
     * The question before a territory is taken from an agency: the agency, the place and who serves it afterwards
     * ({@code successor}: an agency's name, or null for the network's team); empty when the agency has no such
     * territory (any more).
     *
     * @throws UnknownAgency no agency has this id
     */
    Optional<Map<String, Object>> territoryRemoval(Language lang, String agencyId, String prefix) {
        Agency agency = agencies.require(agencyId);
        if (!agencies.territoriesOf(agencyId).contains(prefix)) {
            return Optional.empty();
        }
        Map<String, Object> model = new HashMap<>();
        model.put("agencyId", agency.id());
        model.put("agencyName", agency.name());
        model.put("prefix", prefix);
        model.put("place", directory.describe(prefix));
        model.put("successor", agencies.servingWithout(prefix).map(Agency::name).orElse(null));
        return Optional.of(model);
    }

    /** The removal page saying why a territory was not removed (the removal's field errors), with no form. */
    Map<String, Object> territoryRemovalRefused(Language lang, List<FieldError> errors) {
        Map<String, Object> model = new HashMap<>();
        model.put("refused", String.join(" ", messages.byField(lang, errors).values()));
        // the language switch: the overview (the removal's own address asks about a territory and has none here)
        model.put(de.digitalcheck.portal.shared.web.LayoutModel.PAGE_PATH, "/admin");
        return model;
    }

    /** An account's page: its state, the role form (as typed after an error) and what can be done. */
    Map<String, Object> account(Language lang, de.digitalcheck.portal.accounts.Account account,
                                @io.micronaut.core.annotation.Nullable RoleForm typed, List<FieldError> errors) {
        Map<String, Object> model = new HashMap<>();
        model.put("account", account);
        model.put("agencyName", account.agencyId() == null ? null
            : agencyNames().getOrDefault(account.agencyId(), account.agencyId()));
        model.put("roleValue", typed == null ? account.role().name() : typed.role());
        model.put("agencyValue", typed == null ? account.agencyId() : typed.agencyId());
        Map<String, String> byField = messages.byField(lang, errors);
        model.put("errors", byField);
        // the summary at the top of the page, as the invitation's (a refused role change had its messages beside the
        // fields only, and nothing took the focus to them)
        model.put("errorLinks", personErrorLinks(lang, byField, "#account-", "#account-role"));
        model.put("roles", ROLES_BY_POWER.stream()
            .map(r -> new Choice(r.name(), messages.get(lang, "role." + r.name()))).toList());
        model.put("agencyChoices", agencyChoices());
        model.put("saved", false);
        model.put("own", false);
        model.put("ownRefused", false);
        model.put("lastAdminRefused", false);
        model.put("invitationUsed", false);
        return model;
    }

    /**
     * The territories page: finding a municipality, district or state by name (when {@code query} is not null) and
     * adding an AGS prefix; {@code errors} are the adding's (by the form's field names) or the search's ("suche").
     */
    Map<String, Object> territories(Language lang, String agencyId, String query, TerritoryForm form,
                                    List<FieldError> errors) {
        Map<String, String> names = agencyNames();
        Map<String, String> byField = messages.byField(lang, errors);
        String chosen = agencyId != null && names.containsKey(agencyId) ? agencyId
            : names.keySet().stream().findFirst().orElse("");
        // an unknown agency (a stale bookmark, an edited address): no results whose buttons would assign to another one
        boolean searched = query != null && !byField.containsKey("suche") && !byField.containsKey(SEARCH_AGENCY);
        List<Place> found = searched ? directory.search(query) : List.of();
        Map<String, Agencies.Serving> serving = agencies.serving(found.stream().map(Place::prefix).toList());
        List<PlaceRow> places = found.stream().map(p -> {
            String kind = messages.get(lang, "admin.place." + p.kind().name());
            Agencies.Serving s = serving.get(p.prefix());
            if (s == null) {
                return new PlaceRow(p, kind, null, null, null);
            }
            return s.prefix().equals(p.prefix()) ? new PlaceRow(p, kind, s.agency().name(), null, null)
                : new PlaceRow(p, kind, null, s.agency().name(), s.prefix());
        }).toList();
        Map<String, Object> model = new HashMap<>();
        model.put("agencyChoices", agencyChoices());
        model.put("agencyId", chosen);
        model.put("agencyName", names.getOrDefault(chosen, ""));
        model.put("query", query == null ? "" : query);
        model.put("searched", searched);
        model.put("places", places);
        model.put("territoryForm", form);
        model.put("errors", byField);
        model.put("errorLinks", byField.entrySet().stream().map(e -> new ErrorLink("#" + switch (e.getKey()) {
            case "suche" -> "search-query";
            case SEARCH_AGENCY -> "search-agency";
            case "agencyId" -> "territory-agency";
            default -> "territory-prefix";
        }, e.getValue())).toList());
        return model;
    }

    /**
     * The errors of a form about a person (the invitation: email, name, role, agency; an account's role and agency) for
     * the page's error summary, in the form's order, each linking to its field ({@code prefix} and the field's id:
     * email, name, role, agency) — as every other form: a refused one had its messages beside the fields only, and
     * nothing took the focus to them. An error of no field links to {@code fallback}.
     */
    private List<ErrorLink> personErrorLinks(Language lang, Map<String, String> byField, String prefix, String fallback) {
        // field, its id's suffix and its label (the summary names the field: two "please fill in" alone say nothing)
        String[][] fields = {{"email", "email", "admin.email"}, {"name", "name", "admin.name"},
            {"role", "role", "admin.role"}, {"agencyId", "agency", "admin.agency"},
            {"language", "language", "invite.language"}};
        List<ErrorLink> links = new java.util.ArrayList<>();
        java.util.Set<String> known = new java.util.HashSet<>();
        for (String[] f : fields) {
            known.add(f[0]);
            if (byField.containsKey(f[0])) {
                links.add(new ErrorLink(prefix + f[1], messages.get(lang, f[2]) + ": " + byField.get(f[0])));
            }
        }
        byField.forEach((field, message) -> {
            if (!known.contains(field)) {
                links.add(new ErrorLink(fallback, message));
            }
        });
        return links;
    }

    private List<Choice> agencyChoices() {
        return agencies.all().stream().map(a -> new Choice(a.id(), a.name())).toList();
    }

    /** Agency names by id, in the order of {@link Agencies#all()} (by name). */
    /** The error key of the search's agency (its field is {@code agencyId} too, as the raw prefix form's). */
    static final String SEARCH_AGENCY = "searchAgency";

    private Map<String, String> agencyNames() {
        Map<String, String> names = new LinkedHashMap<>();
        agencies.all().forEach(a -> names.put(a.id(), a.name()));
        return names;
    }

    Map<String, String> errors(Language lang, List<FieldError> errors) {
        return messages.byField(lang, errors);
    }
}
