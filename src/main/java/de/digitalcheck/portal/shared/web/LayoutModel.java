package de.digitalcheck.portal.shared.web;

import de.digitalcheck.portal.shared.i18n.Language;
import de.digitalcheck.portal.shared.config.PortalSettings;
import io.micronaut.core.annotation.NonNull;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.views.ModelAndView;
import io.micronaut.views.model.ViewModelProcessor;
import jakarta.inject.Singleton;

import java.util.HashMap;
import java.util.Map;

/**
 * Adds what every page needs: language, the switch to the other language, the network's name, the CSRF token, the
 * signed-in person's name. The person is read from the request, not from the thread's request context: a view may be
 * rendered on a thread that context did not reach (the page then showed a signed-in person as signed out).
 */
@Singleton
class LayoutModel implements ViewModelProcessor<Map<String, Object>> {

    private final String networkName;
    private final Csrf csrf;

    LayoutModel(PortalSettings settings, Csrf csrf) {
        this.networkName = settings.networkName();
        this.csrf = csrf;
    }

    @Override
    public void process(@NonNull HttpRequest<?> request, @NonNull ModelAndView<Map<String, Object>> modelAndView) {
        Map<String, Object> model = new HashMap<>(modelAndView.getModel().orElseGet(Map::of));
        fill(model, PortalLocaleResolver.language(request), request.getPath(), csrf.token(request),
            request.getUserPrincipal(Authentication.class).map(a -> a.getAttributes().get("name")).orElse(null));
        modelAndView.setModel(model);
    }

    /** Puts the layout's values for a page at {@code path} into {@code model}. */
    void fill(Map<String, Object> model, Language language, String path, String csrfToken, Object userName) {
        Language other = language == Language.DE ? Language.EN : Language.DE;
        model.put("lang", language.code());
        model.put("otherLang", other.code());
        model.put("switchUrl", path + "?" + PortalLocaleResolver.PARAM + "=" + other.code());
        model.put("networkName", networkName);
        model.put("currentPath", path);
        model.put("csrf", csrfToken);
        model.put("userName", userName);
    }

    static boolean signedIn(HttpRequest<?> request) {
        return request.getUserPrincipal(Authentication.class).isPresent();
    }
}
