package de.digitalcheck.portal.shared.web;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/**
 * The key a client is counted by in the rate limits: an IPv4 address as it is, an IPv6 address by its /64 (one
 * subscriber usually gets a whole /64 and can change addresses within it at will).
 */
final class ClientAddresses {

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]+");

    private ClientAddresses() {
    }

    static String key(InetAddress address) {
        if (address instanceof Inet6Address) {
            byte[] prefix = address.getAddress();
            StringBuilder key = new StringBuilder(24);
            for (int i = 0; i < 8; i += 2) {
                key.append(Integer.toHexString(((prefix[i] & 0xff) << 8) | (prefix[i + 1] & 0xff))).append(':');
            }
            return key.append(":/64").toString();
        }
        return address.getHostAddress();
    }

    /**
     * The key of an address given as text (a proxy's header): an IP literal as {@link #key(InetAddress)}, anything
     * else as it is (never looked up in DNS), at most 100 characters.
     */
    static String key(String address) {
        String literal = address;
        if (literal.startsWith("[")) { // [2001:db8::1]:443
            int end = literal.indexOf(']');
            literal = end > 0 ? literal.substring(1, end) : literal;
        }
        int zone = literal.indexOf('%');
        literal = zone > 0 ? literal.substring(0, zone) : literal;
        if (IPV4.matcher(literal).matches() || (literal.contains(":") && IPV6.matcher(literal).matches())) {
            try {
                // a literal: parsed, not resolved
                return key(InetAddress.getByName(literal));
            } catch (UnknownHostException e) {
                // not a valid literal after all: counted as written
            }
        }
        return address.length() > 100 ? address.substring(0, 100) : address;
    }
}
