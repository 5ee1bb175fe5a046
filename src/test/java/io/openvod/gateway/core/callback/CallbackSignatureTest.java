package io.openvod.gateway.core.callback;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CallbackSignatureTest {

    @Test
    void publishedVectorOfTheVodDocumentation() {
        assertThat(CallbackSignature.sign("https://www.example.com/your/callback", 1519375990, "test123"))
                .isEqualTo("c72b60894140fa98920f1279219b7ed4");
    }

    @Test
    void anotherKeyGivesAnotherSignature() {
        assertThat(CallbackSignature.sign("https://www.example.com/your/callback", 1519375990, "test124"))
                .isNotEqualTo("c72b60894140fa98920f1279219b7ed4");
    }
}
