package io.openvod.gateway.core.validation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StorageRegionTest {

    @Test
    void ossHostNamesItsRegion() {
        assertThat(StorageRegion.of("bucket.oss-cn-shanghai.aliyuncs.com")).contains("cn-shanghai");
        assertThat(StorageRegion.of("outin-0123.oss-ap-southeast-1.aliyuncs.com")).contains("ap-southeast-1");
        assertThat(StorageRegion.of("b.oss-cn-beijing-internal.aliyuncs.com:443")).contains("cn-beijing");
    }

    @Test
    void otherHostsHaveNoRegion() {
        assertThat(StorageRegion.of("minio.local:9000")).isEmpty();
        assertThat(StorageRegion.of("oss-cn-shanghai.example.com")).isEmpty();
    }
}
