package io.openvod.gateway.rpc;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The Action a caller sends reaches the access log only as a plain name: no line breaks, no forged lines. */
class AccessLogActionTest {

    @Test
    void plainActionNameIsLoggedAsSent() {
        assertThat(AccessLog.printable("RegisterMedia")).isEqualTo("RegisterMedia");
    }

    @Test
    void actionWithLineBreaksOrOtherTextIsLoggedAsInvalid() {
        assertThat(AccessLog.printable("x\n08:00:00.000 ERROR [fake] forged")).isEqualTo("invalid");
        assertThat(AccessLog.printable("a b")).isEqualTo("invalid");
        assertThat(AccessLog.printable("")).isEqualTo("invalid");
        assertThat(AccessLog.printable("A".repeat(65))).isEqualTo("invalid");
    }
}
