package de.digitalcheck.portal.admin.web;

import de.digitalcheck.portal.accounts.Account;
import de.digitalcheck.portal.accounts.Accounts;
import de.digitalcheck.portal.accounts.InvitationUsed;
import de.digitalcheck.portal.accounts.LastAdmin;
import de.digitalcheck.portal.shared.i18n.Language;
import de.digitalcheck.portal.shared.validation.ValidationException;
import de.digitalcheck.portal.shared.web.Csrf;
import de.digitalcheck.portal.shared.web.Flash;
import de.digitalcheck.portal.shared.web.ErrorPages;
import de.digitalcheck.portal.shared.web.PortalLocaleResolver;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.views.ModelAndView;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The network admin takes access away and gives it back: an account's page disables and enables it, changes its
 * role and agency, and withdraws an invitation nobody has used. The person's session ends at its next request.
 */
@Controller(AdminAccountPages.PATH)
@Secured("NETWORK_ADMIN")
@ExecuteOn(TaskExecutors.BLOCKING)
@Produces(MediaType.TEXT_HTML)
class AdminAccountPages {

    static final String PATH = "/admin/konten";
    static final String VIEW = "admin/account-edit";

    private final Accounts accounts;
    private final AdminViews views;
    private final Csrf csrf;
    private final de.digitalcheck.portal.shared.i18n.Messages messages;
    private final Flash flash;

    AdminAccountPages(Accounts accounts, AdminViews views, Csrf csrf,
                      de.digitalcheck.portal.shared.i18n.Messages messages, Flash flash) {
        this.flash = flash;
        this.accounts = accounts;
        this.views = views;
        this.csrf = csrf;
        this.messages = messages;
    }

    @Get("/{id}")
    HttpResponse<ModelAndView<Map<String, Object>>> edit(HttpRequest<?> request, Authentication user,
                                                         @PathVariable String id) {
        Account account = require(id);
        Map<String, Object> model = views.account(lang(request), account, null, List.of());
        model.put("saved", flash.saved(request)); // once, after the post that saved (Flash)
        model.put("own", account.id().equals(user.getName()));
        return flash.clear(request, HttpResponse.ok(new ModelAndView<>(VIEW, model)));
    }

    @Post("/{id}/sperren")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> disable(HttpRequest<?> request, Authentication user, @PathVariable String id,
                            @Body @Nullable Csrf.TokenForm button) {
        csrf.verify(request, button);
        Account account = require(id);
        if (account.id().equals(user.getName())) {
            return ownAccount(request, account);
        }
        try {
            accounts.setDisabled(account.id(), true, null);
        } catch (LastAdmin e) {
            return lastAdmin(request, account);
        }
        return saved(account.id());
    }

    @Post("/{id}/freigeben")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> enable(HttpRequest<?> request, @PathVariable String id, @Body @Nullable Csrf.TokenForm button) {
        csrf.verify(request, button);
        Account account = require(id);
        accounts.setDisabled(account.id(), false, null);
        return saved(account.id());
    }

    @Post("/{id}/rolle")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> changeRole(HttpRequest<?> request, Authentication user, @PathVariable String id,
                               @Body @Nullable RoleForm body) {
        csrf.verify(request, body);
        RoleForm form = Objects.requireNonNullElse(body, new RoleForm("", "", null));
        Account account = require(id);
        if (account.id().equals(user.getName())) {
            return ownAccount(request, account);
        }
        try {
            accounts.changeRole(account.id(), form.role(), form.agencyId());
            return saved(account.id());
        } catch (ValidationException e) {
            return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY)
                .body(new ModelAndView<>(VIEW, views.account(lang(request), account, form, e.errors())));
        } catch (LastAdmin e) {
            return lastAdmin(request, account);
        }
    }

    @Post("/{id}/zurueckziehen")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> withdraw(HttpRequest<?> request, Authentication user, @PathVariable String id,
                             @Body @Nullable Csrf.TokenForm button) {
        csrf.verify(request, button);
        Account account = require(id);
        try {
            accounts.withdrawInvitation(account.id(), null);
        } catch (InvitationUsed e) {
            // the person signed in since the page was read (an account now, no invitation): the page as it is now
            // says so, nothing changed — it was a 404 "page not found" for an account that is right there
            Map<String, Object> model = views.account(lang(request), account, null, List.of());
            model.put("own", account.id().equals(user.getName()));
            model.put("invitationUsed", true);
            return HttpResponse.status(HttpStatus.CONFLICT).body(new ModelAndView<>(VIEW, model));
        } catch (ValidationException e) {
            // refused by another module (a coach with appointments to come): the page says why, nothing changed
            Map<String, Object> model = views.account(lang(request), account, null, List.of());
            model.put("own", account.id().equals(user.getName()));
            model.put("accessRefused", String.join(" ", messages.byField(lang(request), e.errors()).values()));
            return HttpResponse.status(HttpStatus.CONFLICT).body(new ModelAndView<>(VIEW, model));
        }
        return flash.redirect(AdminWorkspace.PATH + "#withdrawn", AdminWorkspace.WITHDRAWN);
    }

    /** An admin never disables or demotes themselves: the network would lose its way in. */
    private HttpResponse<?> ownAccount(HttpRequest<?> request, Account account) {
        Map<String, Object> model = views.account(lang(request), account, null, List.of());
        model.put("own", true);
        model.put("ownRefused", true);
        return HttpResponse.status(HttpStatus.CONFLICT).body(new ModelAndView<>(VIEW, model));
    }

    /**
     * The network's last active admin is neither disabled nor demoted: two admins doing so to each other at the same
     * moment would have left nobody to run the network (the second one's change is refused here).
     */
    private HttpResponse<?> lastAdmin(HttpRequest<?> request, Account account) {
        Map<String, Object> model = views.account(lang(request), account, null, List.of());
        model.put("lastAdminRefused", true);
        return HttpResponse.status(HttpStatus.CONFLICT).body(new ModelAndView<>(VIEW, model));
    }

    private Account require(String id) {
        return accounts.find(id).orElseThrow(ErrorPages.NotFound::new);
    }

    private HttpResponse<?> saved(String id) {
        return flash.saved(PATH + "/" + id);
    }

    private static Language lang(HttpRequest<?> request) {
        return PortalLocaleResolver.language(request);
    }
}
