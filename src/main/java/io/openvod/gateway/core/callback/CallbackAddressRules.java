package io.openvod.gateway.core.callback;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;

/**
 * Where a callback may go. Callback URLs come from callers, so every address a host name resolves to is checked
 * before connecting: loopback, private (RFC 1918, unique-local fc00::/7), link-local (169.254/16, fe80::/10, which
 * holds the cloud metadata service 169.254.169.254), carrier-grade NAT 100.64/10, "this network" 0/8, multicast
 * and the IPv6 forms of IPv4 addresses are refused, unless an address is in the allow-list (tests, or a receiver on
 * a private network the operator trusts). The caller then connects to the checked address itself, so a second DNS
 * answer cannot swap it.
 */
public final class CallbackAddressRules {

    private final List<Cidr> allowed;

    private CallbackAddressRules(List<Cidr> allowed) {
        this.allowed = allowed;
    }

    /** Rules with an allow-list of addresses or CIDR blocks ({@code 127.0.0.1}, {@code 10.0.0.0/8}). */
    public static CallbackAddressRules allowing(List<String> allowList) {
        return new CallbackAddressRules(allowList.stream().map(String::strip).filter(s -> !s.isEmpty())
                .map(Cidr::parse).toList());
    }

    /** Why {@code address} is refused, or empty when a callback may be sent to it. */
    public Optional<String> refusal(InetAddress address) {
        if (allowed.stream().anyMatch(cidr -> cidr.contains(address))) {
            return Optional.empty();
        }
        return reason(address).map(why -> "address " + address.getHostAddress() + " is " + why);
    }

    private static Optional<String> reason(InetAddress address) {
        if (address.isLoopbackAddress()) {
            return Optional.of("loopback");
        }
        if (address.isAnyLocalAddress()) {
            return Optional.of("the unspecified address");
        }
        if (address.isLinkLocalAddress()) {
            return Optional.of("link-local (metadata services live there)");
        }
        if (address.isSiteLocalAddress()) {
            return Optional.of("private");
        }
        if (address.isMulticastAddress()) {
            return Optional.of("multicast");
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            if (first == 0) {
                return Optional.of("in 0.0.0.0/8");
            }
            if (first == 100 && second >= 64 && second < 128) {
                return Optional.of("carrier-grade NAT (100.64.0.0/10)");
            }
            if (first >= 240) {
                return Optional.of("reserved");
            }
        }
        if (address instanceof Inet6Address) {
            if ((b[0] & 0xfe) == 0xfc) {
                return Optional.of("unique-local (fc00::/7)");
            }
            if (isIpv4Embedded(b)) {
                return Optional.of("an IPv4 address in IPv6 form");
            }
        }
        return Optional.empty();
    }

    /** ::ffff:a.b.c.d (mapped), ::a.b.c.d (compatible) and 64:ff9b::/96 (NAT64) would reach IPv4 hosts. */
    private static boolean isIpv4Embedded(byte[] b) {
        boolean zeroPrefix = true;
        for (int i = 0; i < 10; i++) {
            zeroPrefix &= b[i] == 0;
        }
        boolean mapped = zeroPrefix && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff;
        boolean compatible = zeroPrefix && b[10] == 0 && b[11] == 0;
        boolean nat64 = (b[0] & 0xff) == 0x00 && (b[1] & 0xff) == 0x64 && (b[2] & 0xff) == 0xff
                && (b[3] & 0xff) == 0x9b;
        return mapped || compatible || nat64;
    }

    record Cidr(byte[] network, int bits) {
        static Cidr parse(String text) {
            int slash = text.indexOf('/');
            String host = slash < 0 ? text : text.substring(0, slash);
            if (!host.matches("[0-9a-fA-F:.]+")) {
                throw new IllegalArgumentException("not an IP address or CIDR block: " + text);
            }
            try {
                byte[] network = InetAddress.getByName(host).getAddress();
                int bits = slash < 0 ? network.length * 8 : Integer.parseInt(text.substring(slash + 1));
                if (bits < 0 || bits > network.length * 8) {
                    throw new IllegalArgumentException("bad prefix length: " + text);
                }
                return new Cidr(network, bits);
            } catch (UnknownHostException | NumberFormatException e) {
                throw new IllegalArgumentException("not an IP address or CIDR block: " + text, e);
            }
        }

        boolean contains(InetAddress address) {
            byte[] candidate = address.getAddress();
            if (candidate.length != network.length) {
                return false;
            }
            for (int bit = 0; bit < bits; bit++) {
                int mask = 0x80 >>> (bit % 8);
                if ((candidate[bit / 8] & mask) != (network[bit / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }
    }
}
