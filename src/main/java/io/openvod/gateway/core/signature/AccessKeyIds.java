package io.openvod.gateway.core.signature;

import io.openvod.gateway.core.envelope.ApiError;

/**
 * The shape of an AccessKeyId: 4 to 128 of {@code A-Z a-z 0-9 . _ -}, the rule the admin API enforces when a key is
 * created. A claimed id of any other shape cannot exist, so it is refused before it reaches a cache or a query
 * (a NUL byte, for one, is rejected by PostgreSQL itself).
 */
public final class AccessKeyIds {

    public static final int MIN_LENGTH = 4;
    public static final int MAX_LENGTH = 128;

    private AccessKeyIds() {
    }

    public static boolean isWellFormed(String id) {
        if (id == null || id.length() < MIN_LENGTH || id.length() > MAX_LENGTH) {
            return false;
        }
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            boolean allowed = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '.' || c == '_' || c == '-';
            if (!allowed) {
                return false;
            }
        }
        return true;
    }

    /**
     * @return {@code id} when well formed
     * @throws io.openvod.gateway.core.envelope.ApiException InvalidAccessKeyId.NotFound otherwise, as for any key
     *         that does not exist
     */
    public static String requireWellFormed(String id) {
        if (!isWellFormed(id)) {
            throw ApiError.accessKeyNotFound().exception();
        }
        return id;
    }
}
