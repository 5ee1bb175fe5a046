package io.openvod.gateway.core.validation;

import io.openvod.gateway.core.envelope.ApiError;

/**
 * The rules of a medium's own fields, the same whether RegisterMedia sets them or UpdateVideoInfo changes them:
 * byte limits and illegal characters (docs/vod-api.md §3.3).
 */
final class MediaFields {

    static final int MAX_TITLE_BYTES = 128;
    static final int MAX_DESCRIPTION_BYTES = 1024;
    static final int MAX_COVER_URL_BYTES = 1024;
    static final int MAX_TAGS = 16;
    static final int MAX_TAG_BYTES = 32;

    private MediaFields() {
    }

    static void checkTitle(String title) {
        TextRules.requireMaxBytes("Title", title, MAX_TITLE_BYTES);
        TextRules.requireDisplayable("Title", title, false);
    }

    static void checkDescription(String description) {
        TextRules.requireMaxBytes("Description", description, MAX_DESCRIPTION_BYTES);
        TextRules.requireDisplayable("Description", description, true);
    }

    /** Comma-separated, at most 16, each at most 32 bytes; null or empty is no tags. */
    static void checkTags(String tags) {
        if (tags == null || tags.isEmpty()) {
            return;
        }
        TextRules.requireDisplayable("Tags", tags, false);
        String[] each = tags.split(",", -1);
        if (each.length > MAX_TAGS) {
            throw ApiError.tagsExceeded(MAX_TAGS).exception();
        }
        for (String tag : each) {
            TextRules.requireMaxBytes("Tag", tag, MAX_TAG_BYTES);
        }
    }

    static void checkCoverUrl(String coverUrl) {
        TextRules.requireMaxBytes("CoverURL", coverUrl, MAX_COVER_URL_BYTES);
        if (coverUrl != null && !TextRules.isStorable(coverUrl)) {
            throw ApiError.invalidParameter("CoverURL", "It contains control characters or broken UTF-16.").exception();
        }
    }
}
