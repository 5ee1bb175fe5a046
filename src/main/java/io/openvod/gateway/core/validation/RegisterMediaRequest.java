package io.openvod.gateway.core.validation;

import java.util.List;

/**
 * A validated RegisterMedia call.
 *
 * @param items           distinct by registration key, in request order
 * @param storageLocation the one bucket host all items share
 * @param userData        the caller's UserData text, stored as given
 */
public record RegisterMediaRequest(List<MediaMetadata> items, String storageLocation, TranscodeIntent transcode,
        String userData) {
}
