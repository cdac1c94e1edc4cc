package de.digitalcheck.portal.shared.web;

import de.digitalcheck.portal.shared.i18n.Language;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.NonNull;
import io.micronaut.http.HttpRequest;
import io.micronaut.views.ModelAndView;
import io.micronaut.views.model.ViewModelProcessor;
import jakarta.inject.Singleton;

import java.util.HashMap;
import java.util.Map;

/** Adds what every page's layout needs: language, the switch to the other language, the network's name. */
@Singleton
class LayoutModel implements ViewModelProcessor<Map<String, Object>> {

    private final String networkName;

    LayoutModel(@Value("${portal.network-name}") String networkName) {
        this.networkName = networkName;
    }

    @Override
    public void process(@NonNull HttpRequest<?> request, @NonNull ModelAndView<Map<String, Object>> modelAndView) {
        Map<String, Object> model = new HashMap<>(modelAndView.getModel().orElseGet(Map::of));
        Language language = PortalLocaleResolver.language(request);
        Language other = language == Language.DE ? Language.EN : Language.DE;
        model.put("lang", language.code());
        model.put("otherLang", other.code());
        model.put("switchUrl", request.getPath() + "?" + PortalLocaleResolver.PARAM + "=" + other.code());
        model.put("networkName", networkName);
        model.put("currentPath", request.getPath());
        modelAndView.setModel(model);
    }
}
