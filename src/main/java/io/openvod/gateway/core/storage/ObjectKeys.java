package io.openvod.gateway.core.storage;

import io.openvod.gateway.core.validation.FileUrl;
import java.util.Optional;

/**
 * The object key a FileURL names in a storage location's bucket: its decoded path ({@link FileUrl#key()}) without the
 * leading slash, and with a path-style location also without the bucket, which is the path's first segment. Examples
 * (README, "Storage locations"):
 * <ul>
 * <li>OSS, virtual-hosted: {@code https://media.oss-cn-shanghai.aliyuncs.com/in/a%20b.mp4} → {@code in/a b.mp4};</li>
 * <li>AWS S3, virtual-hosted: {@code https://media.s3.eu-west-1.amazonaws.com/in/a.mp4} → {@code in/a.mp4};</li>
 * <li>MinIO, path-style, bucket {@code media}: {@code http://minio.internal:9000/media/in/a.mp4} → {@code in/a.mp4}.</li>
 * </ul>
 */
public final class ObjectKeys {

    private ObjectKeys() {
    }

    /** Empty when the URL cannot name an object of this bucket (a path-style URL of another bucket, or no key). */
    public static Optional<String> of(FileUrl url, AddressingStyle style, String bucket) {
        String path = url.key();
        if (style == AddressingStyle.PATH) {
            String prefix = bucket + "/";
            if (!path.startsWith(prefix)) {
                return Optional.empty();
            }
            path = path.substring(prefix.length());
        }
        return path.isEmpty() ? Optional.empty() : Optional.of(path);
    }
}
