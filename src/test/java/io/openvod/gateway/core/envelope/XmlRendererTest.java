package io.openvod.gateway.core.envelope;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class XmlRendererTest {

    @Test
    void listsBecomeRepeatedSiblingsNamedAfterTheKey() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("RequestId", "R");
        body.put("RegisteredMediaList", List.of(Map.of("MediaId", "m1"), Map.of("MediaId", "m2")));
        body.put("FailedFileURLs", List.of("u1"));
        assertThat(XmlRenderer.render("RegisterMediaResponse", body)).isEqualTo(
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?><RegisterMediaResponse><RequestId>R</RequestId>"
                        + "<RegisteredMediaList><MediaId>m1</MediaId></RegisteredMediaList>"
                        + "<RegisteredMediaList><MediaId>m2</MediaId></RegisteredMediaList>"
                        + "<FailedFileURLs>u1</FailedFileURLs></RegisterMediaResponse>");
    }

    @Test
    void emptyListRendersNothing() {
        assertThat(XmlRenderer.render("R", Map.of("L", List.of()))).endsWith("<R></R>");
    }

    @Test
    void markupIsEscapedAndCharactersXmlCannotCarryAreReplaced() {
        assertThat(XmlRenderer.render("R", Map.of("T", "</T><x a='1'>&\u0001\uD800")))
                .endsWith("<R><T>&lt;/T&gt;&lt;x a=&apos;1&apos;&gt;&amp;\uFFFD\uFFFD</T></R>");
    }

    @Test
    void surrogatePairsSurvive() {
        assertThat(XmlRenderer.render("R", Map.of("T", "\uD83C\uDF89"))).contains("<T>\uD83C\uDF89</T>");
    }
}
