package io.openvod.gateway.core.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.openvod.gateway.core.envelope.ApiException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VideoIdsTest {

    @Test
    void idsKeepTheirOrderAndRepeatsCountOnce() {
        assertThat(VideoIds.many(Map.of("VideoIds", "b, a,,b ,c"))).isEqualTo(List.of("b", "a", "c"));
    }

    @Test
    void twentyDistinctIdsAfterRepeatsAreRemovedAreAllowed() {
        String ids = "x," + String.join(",", java.util.stream.IntStream.range(0, 20).mapToObj(i -> "id" + i).toList()) + ",x";

        assertThat(catchThrowableOfType(ApiException.class, () -> VideoIds.many(Map.of("VideoIds", ids)))
                .error().code()).isEqualTo("InvalidParameter");
        assertThat(VideoIds.many(Map.of("VideoIds", ids.replace("x,", "").replace(",x", "")))).hasSize(20);
    }

    @Test
    void emptyVideoIdIsMissing() {
        assertThat(catchThrowableOfType(ApiException.class, () -> VideoIds.one(Map.of("VideoId", "")))
                .error().code()).isEqualTo("MissingVideoId");
    }
}
