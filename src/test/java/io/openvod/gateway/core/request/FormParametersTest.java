package io.openvod.gateway.core.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.openvod.gateway.core.envelope.ApiException;
import java.util.LinkedHashMap;
import org.junit.jupiter.api.Test;

class FormParametersTest {

    private static FormParameters parse(String... encoded) {
        FormParameters.Builder builder = new FormParameters.Builder(RpcRequest.MAX_PARAMETERS);
        for (String text : encoded) {
            builder.parse(text);
        }
        return builder.build();
    }

    @Test
    void malformedValueIsOnlyRefusedWhenRead() {
        FormParameters params = parse("AccessKeyId=key&RegisterMetadatas=%ZZ");

        assertThat(params.get("AccessKeyId")).isEqualTo("key");
        assertThatThrownBy(() -> params.get("RegisterMetadatas")).isInstanceOfSatisfying(ApiException.class,
                e -> assertThat(e.error().message()).contains("\"RegisterMetadatas\""));
    }

    @Test
    void requireWellFormedRefusesAnyMalformedValue() {
        FormParameters params = parse("A=1&B=%E0%A4%ZZ");

        assertThatThrownBy(params::requireWellFormed).isInstanceOfSatisfying(ApiException.class,
                e -> assertThat(e.error().message()).contains("\"B\""));
    }

    @Test
    void namesAreDecodedWhenSplitAndValuesWhenRead() {
        FormParameters params = parse("Title%20A=x+y&Empty&T=%C3%A9");

        assertThat(params).containsEntry("Title A", "x y").containsEntry("Empty", "").containsEntry("T", "é");
    }

    @Test
    void entriesKeepArrivalOrderAcrossQueryAndBody() {
        FormParameters params = parse("b=2&a=1", "c=%33");

        assertThat(new LinkedHashMap<>(params)).containsExactly(
                java.util.Map.entry("b", "2"), java.util.Map.entry("a", "1"), java.util.Map.entry("c", "3"));
    }

    @Test
    void nameGivenTwiceIsRefusedEvenAcrossQueryAndBody() {
        assertThatThrownBy(() -> parse("Action=RegisterMedia", "Action=Other")).isInstanceOfSatisfying(
                ApiException.class, e -> assertThat(e.error().message()).contains("more than once"));
    }

    @Test
    void moreThanTheMaximumNumberOfParametersIsRefused() {
        String many = String.join("&", java.util.stream.IntStream.rangeClosed(1, RpcRequest.MAX_PARAMETERS + 1)
                .mapToObj(i -> "p" + i + "=1").toList());

        assertThatThrownBy(() -> parse(many)).isInstanceOf(ApiException.class);
    }

    @Test
    void parametersAreReadOnly() {
        FormParameters params = parse("a=1");

        assertThatThrownBy(() -> params.put("b", "2")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> params.entrySet().clear()).isInstanceOf(UnsupportedOperationException.class);
    }
}
