package io.openvod.gateway.core.storage;

import java.util.Optional;

/** Where a storage location's URLs, and the requests to its S3 endpoint, carry the bucket name. */
public enum AddressingStyle {

    /** {@code https://<bucket>.<endpoint host>/<key>}: the bucket is in the host, as in OSS and AWS S3 URLs. */
    VIRTUAL_HOSTED("virtual-hosted"),

    /** {@code https://<endpoint host>/<bucket>/<key>}: the bucket is the first path segment, as MinIO usually serves. */
    PATH("path");

    private final String text;

    AddressingStyle(String text) {
        this.text = text;
    }

    /** The name used by the admin API and the database. */
    public String text() {
        return text;
    }

    public static Optional<AddressingStyle> of(String text) {
        for (AddressingStyle style : values()) {
            if (style.text.equals(text)) {
                return Optional.of(style);
            }
        }
        return Optional.empty();
    }
}
