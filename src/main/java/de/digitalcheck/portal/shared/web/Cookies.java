package de.digitalcheck.portal.shared.web;

import de.digitalcheck.portal.shared.config.PortalSettings;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;
import jakarta.inject.Singleton;

/** The portal's cookies: always HttpOnly, {@code Secure} whenever the portal is reached over https. */
@Singleton
public class Cookies {

    private final boolean secure;

    Cookies(PortalSettings settings) {
        this.secure = settings.secureCookies();
    }

    /** A cookie for {@code path}, HttpOnly, Secure with an https base URL, with this SameSite rule. */
    public Cookie of(String name, String value, String path, SameSite sameSite) {
        return Cookie.of(name, value).path(path).httpOnly(true).secure(secure).sameSite(sameSite);
    }
}
