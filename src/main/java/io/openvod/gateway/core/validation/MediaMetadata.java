package io.openvod.gateway.register;

/** One validated item of {@code RegisterMetadatas}. */
record MediaMetadata(FileUrl fileUrl, String title, String description, String tags, String coverUrl, Long cateId) {
}
