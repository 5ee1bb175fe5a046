package io.openvod.gateway.register;

/** One entry of {@code RegisteredMediaList}. */
record RegisteredMedia(String mediaId, String fileUrl, boolean newRegister) {
}
