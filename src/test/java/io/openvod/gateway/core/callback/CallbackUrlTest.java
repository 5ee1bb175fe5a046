package io.openvod.gateway.core.callback;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CallbackUrlTest {

    @Test
    void httpsUrlKeepsHostPortAndPathWithQuery() {
        CallbackUrl url = CallbackUrl.parse("https://example.com:8443/a/b?x=1").orElseThrow();

        assertThat(url.https()).isTrue();
        assertThat(url.host()).isEqualTo("example.com");
        assertThat(url.port()).isEqualTo(8443);
        assertThat(url.requestUri()).isEqualTo("/a/b?x=1");
    }

    @Test
    void defaultPortsAndRootPath() {
        assertThat(CallbackUrl.parse("http://example.com").orElseThrow()).satisfies(url -> {
            assertThat(url.port()).isEqualTo(80);
            assertThat(url.requestUri()).isEqualTo("/");
        });
        assertThat(CallbackUrl.parse("https://example.com/x").orElseThrow().port()).isEqualTo(443);
    }

    @Test
    void ipv6LiteralHostLosesItsBrackets() {
        assertThat(CallbackUrl.parse("http://[::1]:8080/").orElseThrow().host()).isEqualTo("::1");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "ftp://example.com/", "example.com/cb", "http://user:pw@example.com/", "http:///path",
            "http://exa mple.com/", "javascript:alert(1)", "http://example.com:0/", "http://example.com:70000/"})
    void urlsThatAreNeverCalled(String text) {
        assertThat(CallbackUrl.parse(text)).isEmpty();
    }

    @Test
    void tooLongUrlIsNeverCalled() {
        assertThat(CallbackUrl.parse("https://example.com/" + "a".repeat(1100))).isEmpty();
    }
}
