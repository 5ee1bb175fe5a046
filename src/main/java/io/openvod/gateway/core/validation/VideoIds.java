package io.openvod.gateway.core.validation;

import io.openvod.gateway.core.envelope.ApiError;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code VideoId} and the comma-separated {@code VideoIds} of the media APIs. Any text is accepted as an id: one
 * that names no medium of the caller is simply not found, the same whether it is malformed, deleted or another
 * account's (tenant isolation).
 */
public final class VideoIds {

    /** GetVideoInfos and DeleteVideo take at most this many ids. */
    public static final int MAX_IDS = 20;

    private VideoIds() {
    }

    /**
     * Whether {@code id} could name a stored medium at all. One with a NUL, another control character or broken
     * UTF-16 cannot (PostgreSQL would refuse it as a parameter): it is simply not found, without asking.
     */
    public static boolean canExist(String id) {
        return TextRules.isStorable(id);
    }

    /** {@code VideoId}: required. */
    public static String one(Map<String, String> params) {
        String id = params.get("VideoId");
        if (id == null || id.isEmpty()) {
            throw ApiError.missing("VideoId").exception();
        }
        return id;
    }

    /**
     * {@code VideoIds}: required, 1 to 20 ids in the order given, a repeated id once; blanks around commas and
     * empty entries are ignored.
     */
    public static List<String> many(Map<String, String> params) {
        String value = params.get("VideoIds");
        if (value == null || value.isBlank()) {
            throw ApiError.missing("VideoIds").exception();
        }
        Set<String> ids = new LinkedHashSet<>();
        for (String id : value.split(",")) {
            String trimmed = id.strip();
            if (!trimmed.isEmpty()) {
                ids.add(trimmed);
            }
        }
        if (ids.isEmpty()) {
            throw ApiError.missing("VideoIds").exception();
        }
        if (ids.size() > MAX_IDS) {
            throw ApiError.invalidParameter("VideoIds", "At most " + MAX_IDS + " ids may be given.").exception();
        }
        return new ArrayList<>(ids);
    }
}
