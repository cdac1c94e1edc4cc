package de.digitalcheck.portal.leads.web;

import de.digitalcheck.portal.leads.internal.LeadDashboard;
import de.digitalcheck.portal.leads.internal.LeadInbox;
import de.digitalcheck.portal.leads.internal.LeadStages;
import de.digitalcheck.portal.readiness.Questionnaire;
import de.digitalcheck.portal.readiness.Questionnaires;
import de.digitalcheck.portal.routing.Agencies;
import de.digitalcheck.portal.routing.Agency;
import de.digitalcheck.portal.shared.i18n.Dates;
import de.digitalcheck.portal.shared.i18n.Language;
import de.digitalcheck.portal.shared.i18n.Messages;
import de.digitalcheck.portal.shared.security.SignedIn;
import de.digitalcheck.portal.shared.web.PortalLocaleResolver;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.views.ModelAndView;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The dashboards (issue 13): agency staff see their agency's ({@code /agentur/kennzahlen}, linked from the agency's
 * page, which the routing module owns and which cannot depend on the leads); network admins see any agency's or the
 * whole network's ({@code /admin/kennzahlen?agency=}). Charts are SVG drawn on the server, each with its table.
 */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
@Produces(MediaType.TEXT_HTML)
class DashboardPages {

    static final String VIEW = "leads/dashboard";

    private final LeadDashboard dashboards;
    private final Agencies agencies;
    private final Questionnaires questionnaires;
    private final Messages messages;

    DashboardPages(LeadDashboard dashboards, Agencies agencies, Questionnaires questionnaires, Messages messages) {
        this.dashboards = dashboards;
        this.agencies = agencies;
        this.questionnaires = questionnaires;
        this.messages = messages;
    }

    @Get("/agentur/kennzahlen")
    @Secured("AGENCY_STAFF")
    ModelAndView<Map<String, Object>> agency(HttpRequest<?> request, Authentication authentication) {
        String agencyId = SignedIn.of(authentication).agencyId();
        Map<String, Object> model = model(PortalLocaleResolver.language(request), agencyId, false);
        model.put("admin", false);
        return new ModelAndView<>(VIEW, model);
    }

    /**
     * The network's dashboard, or with {@code agency=} an agency's. An agency that does not exist, or more than one,
     * answers {@code 400} with the network's figures and a note saying why and what is shown instead (as the inbox
     * refuses a filter value it does not know with {@code 400}); it was a bare "page not found".
     */
    @Get("/admin/kennzahlen")
    @Secured("NETWORK_ADMIN")
    HttpResponse<ModelAndView<Map<String, Object>>> network(HttpRequest<?> request) {
        Language lang = PortalLocaleResolver.language(request);
        List<String> asked = request.getParameters().getAll("agency");
        String agencyId = null;
        String refused = null;
        if (asked.size() > 1) {
            refused = "dashboard.choose.repeated";
        } else if (asked.size() == 1 && !asked.get(0).isBlank()) {
            agencyId = agencies.find(asked.get(0).strip()).map(Agency::id).orElse(null);
            refused = agencyId == null ? "dashboard.choose.unknown" : null;
        }
        Map<String, Object> model = model(lang, agencyId, true);
        model.put("admin", true);
        model.put("agencies", agencies.all());
        model.put("queryError", refused == null ? null : messages.get(lang, refused));
        return HttpResponse.status(refused == null ? HttpStatus.OK : HttpStatus.BAD_REQUEST)
            .contentType(MediaType.TEXT_HTML_TYPE).body(new ModelAndView<>(VIEW, model));
    }

    private Map<String, Object> model(Language lang, @Nullable String agencyId, boolean admin) {
        LeadDashboard.Dashboard d = dashboards.of(agencyId);
        Map<String, Object> model = new HashMap<>();
        model.put("d", d);
        model.put("agencyName", agencyId == null ? null : agencies.find(agencyId).map(Agency::name).orElse(null));
        model.put("median", median(lang, d.medianFirstContact()));
        model.put("period", Dates.date(lang, d.firstWeek()));
        // the series of the agency: "your agency" for its staff, its short name for admins
        String here = agencyId == null ? messages.get(lang, "dashboard.network") : admin
            ? agencies.find(agencyId).map(Agency::shortName).orElse(agencyId) : messages.get(lang, "dashboard.agency");

        List<DashboardCharts.Input> weeks = new ArrayList<>();
        d.weeks().forEach(w -> weeks.add(new DashboardCharts.Input(
            messages.get(lang, "dashboard.week", Dates.date(lang, w.monday())), List.of((double) w.leads()))));
        double weekMax = d.weeks().stream().mapToLong(LeadDashboard.Week::leads).max().orElse(0);
        model.put("weeksChart", DashboardCharts.chart("weeks", messages.get(lang, "dashboard.weeks.title"),
            messages.get(lang, "dashboard.weeks.desc", d.leads()), List.of(messages.get(lang, "dashboard.leads")),
            weeks, weekMax, 0, lang));

        List<DashboardCharts.Input> stages = new ArrayList<>();
        LeadStages.ALL.forEach(s -> stages.add(new DashboardCharts.Input(messages.get(lang, "leads.stage." + s),
            List.of((double) d.byStage().getOrDefault(s, 0L)))));
        stages.add(new DashboardCharts.Input(messages.get(lang, "leads.inbox.withdrawn"),
            List.of((double) d.byStage().getOrDefault(LeadInbox.WITHDRAWN, 0L))));
        double stageMax = d.byStage().values().stream().mapToLong(Long::longValue).max().orElse(0);
        model.put("stagesChart", DashboardCharts.chart("stages", messages.get(lang, "dashboard.stages.title"),
            messages.get(lang, "dashboard.stages.desc"), List.of(messages.get(lang, "dashboard.leads")), stages,
            stageMax, 0, lang));

        Questionnaire q = questionnaires.current();
        List<DashboardCharts.Input> levels = new ArrayList<>();
        Questionnaire.DIMENSION_IDS.forEach(id -> {
            List<Double> values = new ArrayList<>();
            values.add(d.territory().levels().get(id));
            if (agencyId != null) {
                values.add(d.network().levels().get(id));
            }
            levels.add(new DashboardCharts.Input(q.dimension(id).map(x -> x.title().in(lang)).orElse(id), values));
        });
        List<String> series = agencyId == null ? List.of(here) : List.of(here, messages.get(lang, "dashboard.network"));
        // the agency's territory: "your territory" for its staff, the agency named for admins (not theirs)
        String levelsDesc = agencyId == null ? "dashboard.levels.desc.network"
            : admin ? "dashboard.levels.desc.agency" : "dashboard.levels.desc";
        model.put("levelsChart", DashboardCharts.chart("levels", messages.get(lang, "dashboard.levels.title"),
            messages.get(lang, levelsDesc, d.territory().checks(), d.network().checks(), here), series, levels, 5, 1,
            lang));
        model.put("charts", List.of(model.get("weeksChart"), model.get("stagesChart"), model.get("levelsChart")));
        return model;
    }

    private String median(Language lang, @Nullable Duration median) {
        if (median == null) {
            return messages.get(lang, "dashboard.none");
        }
        long hours = median.toHours();
        return hours < 48 ? messages.get(lang, "dashboard.hours", DashboardCharts.format(median.toMinutes() / 60.0, 1, lang))
            : messages.get(lang, "dashboard.days", DashboardCharts.format(median.toHours() / 24.0, 1, lang));
    }
}
