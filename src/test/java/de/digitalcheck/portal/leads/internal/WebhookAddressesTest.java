package de.digitalcheck.portal.leads.internal;

import de.digitalcheck.portal.shared.config.PortalSettings;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a webhook may not call: IPv6 forms that carry a private IPv4 address (mapped, compatible, NAT64's well-known
 * prefix, 6to4) count as that address; the portal's own host is its own also when written with the root's dot.
 */
class WebhookAddressesTest {

    @Test
    void ipv6AddressesThatReachAPrivateIpv4AddressArePrivate() throws UnknownHostException {
        for (String address : List.of("::ffff:10.0.0.1", "::10.0.0.1", "64:ff9b::7f00:1", "64:ff9b::a9fe:a9fe",
            "2002:0a00:0001::1", "2002:7f00:0001::", "::1", "fd00::1", "fe80::1")) {
            assertThat(WebhookAddresses.isPrivate(InetAddress.getByName(address))).as(address).isTrue();
        }
        for (String address : List.of("2a00:1450:4001:80b::200e", "64:ff9b::5db8:d822", "2002:5db8:d822::1",
            "93.184.216.34", "::ffff:93.184.216.34")) {
            assertThat(WebhookAddresses.isPrivate(InetAddress.getByName(address))).as(address + ": public").isFalse();
        }
    }

    /** A port no connection can use was saved; every delivery then failed ("port out of range"). */
    @Test
    void aPortOutsideOneTo65535IsRefusedAsSuchAlsoWherePrivateAddressesAreAllowed() {
        for (boolean allowPrivate : List.of(false, true)) {
            WebhookAddresses addresses = new WebhookAddresses(new WebhookSettings(true, 1, Duration.ofSeconds(1),
                Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofSeconds(1), List.of(), false, allowPrivate),
                new PortalSettings("https://digitalcheck.invalid", "Netz"));
            for (String url : List.of("https://93.184.216.34:0/hook", "https://93.184.216.34:65536/hook",
                "https://93.184.216.34:99999/hook", "https://93.184.216.34:2147483647/hook")) {
                assertThat(addresses.refusal(url)).as(url).contains("leads.webhook.url.port");
            }
            // each said as what it is (all were "please begin with https://", which they did)
            assertThat(addresses.refusal("https://user:pw@93.184.216.34/hook")).contains("leads.webhook.url.userInfo");
            assertThat(addresses.refusal("https://93.184.216.34/hook#frag")).contains("leads.webhook.url.fragment");
            assertThat(addresses.refusal("ftp://93.184.216.34/hook")).contains("leads.webhook.url.malformed");
            assertThat(addresses.refusal("https://93.184.216.34:65535/hook")).as("the highest port").isEmpty();
            assertThat(addresses.refusal("https://93.184.216.34:1/hook")).as("the lowest port").isEmpty();
        }
    }

    @Test
    void thePortalsOwnHostIsRefusedAlsoWithTheRootsDot() {
        WebhookAddresses addresses = new WebhookAddresses(new WebhookSettings(true, 1, Duration.ofSeconds(1),
            Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofSeconds(1), List.of(), false, false),
            new PortalSettings("https://digitalcheck.invalid", "Netz"));
        for (String url : List.of("https://digitalcheck.invalid/hook", "https://DigitalCheck.invalid./hook")) {
            assertThat(addresses.refusal(url)).as(url).contains("leads.webhook.url.private");
        }
        assertThat(addresses.refusal("https://crm.digitalcheck.invalid./hook")).as("another host: looked up")
            .contains("leads.webhook.url.unknownHost");
    }
}
