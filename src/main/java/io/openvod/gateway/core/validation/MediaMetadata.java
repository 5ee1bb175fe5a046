package io.openvod.gateway.core.validation;

/** One validated item of {@code RegisterMetadatas}. */
public record MediaMetadata(FileUrl fileUrl, String title, String description, String tags, String coverUrl, Long cateId) {
}
