package io.openvod.gateway.transcode;

import java.util.Optional;

/**
 * The seam for a presigned GET URL of a job's source. No implementation is bound on this branch: the storage
 * connection (issue 16) provides one by producing a bean of this type. While none exists, job messages carry no
 * SourceURL.
 */
public interface SourcePresigner {

    /** A presigned GET URL of {@code fileUrl}, or empty when its storage location has no connection. */
    Optional<String> presign(long accountId, String storageLocation, String fileUrl);
}
