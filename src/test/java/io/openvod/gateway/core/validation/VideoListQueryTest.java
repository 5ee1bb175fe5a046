package io.openvod.gateway.core.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.openvod.gateway.core.envelope.ApiException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VideoListQueryTest {

    @Test
    void defaultsAreTheFirstTenNewestFirstWithoutFilters() {
        VideoListQuery query = VideoListQuery.parse(Map.of());

        assertThat(query).isEqualTo(new VideoListQuery(null, null, null, null, null, false, 10, 0));
    }

    @Test
    void pageNumberBecomesAnOffset() {
        VideoListQuery query = VideoListQuery.parse(Map.of("PageNo", "3", "PageSize", "20"));

        assertThat(query.offset()).isEqualTo(40);
        assertThat(query.limit()).isEqualTo(20);
    }

    @Test
    void pagesStopAtTheFiveThousandthMatch() {
        assertThat(VideoListQuery.parse(Map.of("PageNo", "50", "PageSize", "100")).limit()).isEqualTo(100);
        assertThat(VideoListQuery.parse(Map.of("PageNo", "51", "PageSize", "100")).limit()).isZero();
        assertThat(VideoListQuery.parse(Map.of("PageNo", "167", "PageSize", "30")).limit()).isEqualTo(20);
        assertThat(VideoListQuery.parse(Map.of("PageNo", String.valueOf(Integer.MAX_VALUE), "PageSize", "100")).limit())
                .isZero();
    }

    @Test
    void endTimeIsIncludedToItsLastFractionOfASecond() {
        VideoListQuery query = VideoListQuery.parse(Map.of("StartTime", "2026-01-02T10:00:00Z",
                "EndTime", "2026-01-02T11:00:00Z"));

        assertThat(query.createdFrom()).isEqualTo(Instant.parse("2026-01-02T10:00:00Z"));
        assertThat(query.createdBefore()).isEqualTo(Instant.parse("2026-01-02T11:00:01Z"));
    }

    @Test
    void statusesAndStorageLocationAreNormalised() {
        VideoListQuery query = VideoListQuery.parse(Map.of("Status", "Normal, UploadSucc",
                "StorageLocation", "Bucket.OSS-cn-shanghai.aliyuncs.com", "SortBy", "creationtime:asc"));

        assertThat(query.statuses()).isEqualTo(List.of("Normal", "UploadSucc"));
        assertThat(query.storageLocation()).isEqualTo("bucket.oss-cn-shanghai.aliyuncs.com");
        assertThat(query.ascending()).isTrue();
    }

    @Test
    void cateIdMustBeAPositiveInteger() {
        ApiException error = catchThrowableOfType(ApiException.class, () -> VideoListQuery.parse(Map.of("CateId", "0")));

        assertThat(error.error().message()).contains("CateId");
    }
}
