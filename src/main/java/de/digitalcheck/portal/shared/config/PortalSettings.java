package de.digitalcheck.portal.shared.config;

import io.micronaut.context.annotation.ConfigurationProperties;

/**
 * The portal's own settings that many modules need ({@code portal.*}): its public address, used in every link that
 * leaves the portal (mails, API answers, the PDF report), and the network's name. Settings of one module are that
 * module's own record.
 *
 * @param baseUrl     the public address without a trailing slash, e.g. {@code https://digitalcheck.example.org}
 * @param networkName the name of the agencies' network, shown in the header and in reports
 */
@ConfigurationProperties("portal")
public record PortalSettings(String baseUrl, String networkName) {

    public PortalSettings {
        baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    /** The absolute address of a path of the portal ({@code path} starts with a slash). */
    public String link(String path) {
        return baseUrl + path;
    }

    /** Whether cookies must be {@code Secure}: the portal is reached over https. */
    public boolean secureCookies() {
        return baseUrl.startsWith("https:");
    }
}
