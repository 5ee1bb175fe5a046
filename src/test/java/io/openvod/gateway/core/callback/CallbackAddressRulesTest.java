package io.openvod.gateway.core.callback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class CallbackAddressRulesTest {

    private static final CallbackAddressRules NO_ALLOW_LIST = CallbackAddressRules.allowing(List.of());

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "127.1.2.3", "::1", "169.254.169.254", "169.254.0.1", "fe80::1", "10.0.0.1",
            "172.16.5.4", "192.168.1.1", "0.0.0.0", "100.64.0.1", "fd00::1", "::ffff:127.0.0.1", "::ffff:169.254.169.254",
            "64:ff9b::a9fe:a9fe", "224.0.0.1", "255.255.255.255"})
    void loopbackPrivateLinkLocalAndMetadataAddressesAreRefused(String address) throws Exception {
        assertThat(NO_ALLOW_LIST.refusal(InetAddress.getByName(address))).isPresent();
    }

    @Test
    void theMetadataServiceIsNamedLinkLocal() throws Exception {
        assertThat(NO_ALLOW_LIST.refusal(InetAddress.getByName("169.254.169.254")))
                .hasValueSatisfying(why -> assertThat(why).contains("169.254.169.254", "link-local"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"93.184.216.34", "8.8.8.8", "2606:2800:220:1:248:1893:25c8:1946", "172.32.0.1", "100.128.0.1"})
    void publicAddressesAreAllowed(String address) throws Exception {
        assertThat(NO_ALLOW_LIST.refusal(InetAddress.getByName(address))).isEmpty();
    }

    @Test
    void theAllowListLetsExactlyItsAddressesThrough() throws Exception {
        CallbackAddressRules rules = CallbackAddressRules.allowing(List.of("127.0.0.1", "10.1.0.0/16"));

        assertThat(rules.refusal(InetAddress.getByName("127.0.0.1"))).isEmpty();
        assertThat(rules.refusal(InetAddress.getByName("10.1.200.3"))).isEmpty();
        assertThat(rules.refusal(InetAddress.getByName("127.0.0.2"))).isPresent();
        assertThat(rules.refusal(InetAddress.getByName("10.2.0.1"))).isPresent();
        assertThat(rules.refusal(InetAddress.getByName("169.254.169.254"))).isPresent();
    }

    @Test
    void anAllowListEntryMustBeAnAddressNotAName() {
        assertThatThrownBy(() -> CallbackAddressRules.allowing(List.of("localhost")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
