package io.openvod.gateway.storage;

import java.time.Instant;

/** What the object store says about an object it has: kept with the media row (size, type, ETag, last modified). */
public record ObjectFacts(long size, String contentType, String etag, Instant lastModified) {
}
