package de.digitalcheck.portal.shared.web;

import org.junit.jupiter.api.Test;

import java.net.InetAddress;

import static org.assertj.core.api.Assertions.assertThat;

class ClientAddressesTest {

    @Test
    void ipv6AddressesAreKeyedByTheirSlash64() throws Exception {
        String key = ClientAddresses.key("2001:db8:1:2:aaaa::1");
        assertThat(key).isEqualTo("2001:db8:1:2::/64");
        assertThat(ClientAddresses.key("2001:0db8:0001:0002:bbbb:cccc:dddd:eeee")).isEqualTo(key);
        assertThat(ClientAddresses.key("[2001:db8:1:2::9]:443")).isEqualTo(key);
        assertThat(ClientAddresses.key("2001:db8:1:2::9%eth0")).isEqualTo(key);
        assertThat(ClientAddresses.key(InetAddress.getByName("2001:db8:1:2::7"))).isEqualTo(key);
        assertThat(ClientAddresses.key("2001:db8:1:3::1")).isNotEqualTo(key);
    }

    @Test
    void ipv4AddressesAndOtherTextStayAsTheyAre() throws Exception {
        assertThat(ClientAddresses.key("198.51.100.7")).isEqualTo("198.51.100.7");
        assertThat(ClientAddresses.key("::ffff:198.51.100.7")).isEqualTo("198.51.100.7");
        assertThat(ClientAddresses.key(InetAddress.getByName("127.0.0.1"))).isEqualTo("127.0.0.1");
        // not an address: never looked up, cut to a bounded length
        assertThat(ClientAddresses.key("unknown")).isEqualTo("unknown");
        assertThat(ClientAddresses.key("x".repeat(300))).hasSize(100);
    }
}
