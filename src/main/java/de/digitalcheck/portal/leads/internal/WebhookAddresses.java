package de.digitalcheck.portal.leads.internal;

import de.digitalcheck.portal.shared.config.PortalSettings;
import jakarta.inject.Singleton;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;

/**
 * Which webhook URLs the portal calls: absolute https URLs (http only where the operator allows it) without user
 * info, whose host resolves only to public addresses — no private, loopback, link-local, unique-local, multicast or
 * unspecified address, nor an IPv6 address that carries one (IPv4-mapped or -compatible, NAT64, 6to4), and not the
 * portal's own host (also written with the root's dot) — unless the operator allows private addresses. Checked when
 * the URL is saved and again before every attempt (a name that resolved to a public address may later resolve to a
 * private one: DNS rebinding). What remains is the moment between this check and the HTTP client's own lookup, in
 * which the JVM's address cache (30 s) gives the client the answer just checked, unless that entry expires in between.
 */
@Singleton
public class WebhookAddresses {

    private final WebhookSettings settings;
    private final PortalSettings portal;

    WebhookAddresses(WebhookSettings settings, PortalSettings portal) {
        this.settings = settings;
        this.portal = portal;
    }

    /** Why the URL may not be called (a message key), or empty if it may. */
    public Optional<String> refusal(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return Optional.of("leads.webhook.url.malformed");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!uri.isAbsolute() || uri.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
            return Optional.of("leads.webhook.url.malformed");
        }
        // each said as what it is: an address that begins with https:// was told to begin with https://
        if (uri.getRawUserInfo() != null) {
            return Optional.of("leads.webhook.url.userInfo");
        }
        if (uri.getRawFragment() != null) {
            return Optional.of("leads.webhook.url.fragment");
        }
        // java.net.URI takes any number as the port: 0 or 99999 was saved, and every delivery failed with
        // "IllegalArgumentException: port out of range" in the agency's delivery log
        if (uri.getPort() == 0 || uri.getPort() > 65535) {
            return Optional.of("leads.webhook.url.port");
        }
        if (scheme.equals("http") && !settings.allowHttp()) {
            return Optional.of("leads.webhook.url.https");
        }
        if (settings.allowPrivateAddresses()) {
            return Optional.empty();
        }
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        if (withoutRootDot(host).equals(withoutRootDot(portalHost()))) { // "portal.example." names the same host
            return Optional.of("leads.webhook.url.private");
        }
        try {
            InetAddress[] addresses = InetAddress.getAllByName(host.startsWith("[") ? host.substring(1, host.length() - 1) : host);
            for (InetAddress address : addresses) {
                if (isPrivate(address)) {
                    return Optional.of("leads.webhook.url.private");
                }
            }
        } catch (UnknownHostException e) {
            return Optional.of("leads.webhook.url.unknownHost");
        }
        return Optional.empty();
    }

    private String portalHost() {
        String host = URI.create(portal.baseUrl()).getHost();
        return host == null ? "" : host.toLowerCase(Locale.ROOT);
    }

    private static String withoutRootDot(String host) {
        return host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
    }

    static boolean isPrivate(InetAddress address) {
        if (address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress()
            || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return true;
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            return first == 0 || (first == 100 && second >= 64 && second <= 127) // carrier-grade NAT
                || (first == 192 && second == 0 && (b[2] & 0xff) == 0) || first >= 240;
        }
        if (address instanceof Inet6Address) {
            int first = b[0] & 0xff;
            if ((first & 0xfe) == 0xfc) {
                return true; // unique local fc00::/7
            }
            boolean zeros = true;
            for (int i = 0; i < 10; i++) {
                zeros &= b[i] == 0;
            }
            boolean mapped = zeros && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff; // ::ffff:a.b.c.d
            boolean compatible = zeros && b[10] == 0 && b[11] == 0; // ::a.b.c.d (deprecated, still routed by some)
            boolean nat64 = first == 0x00 && (b[1] & 0xff) == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b;
            if (mapped || compatible || nat64) { // 64:ff9b::a.b.c.d: a NAT64 gateway reaches a.b.c.d
                return embeddedIsPrivate(b[12], b[13], b[14], b[15]);
            }
            if (first == 0x20 && (b[1] & 0xff) == 0x02) { // 2002:a.b.c.d::/48, 6to4: relays to a.b.c.d
                return embeddedIsPrivate(b[2], b[3], b[4], b[5]);
            }
        }
        return false;
    }

    private static boolean embeddedIsPrivate(byte... v4) {
        try {
            return isPrivate(InetAddress.getByAddress(v4));
        } catch (UnknownHostException e) {
            return true;
        }
    }
}
