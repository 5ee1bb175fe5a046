package io.openvod.gateway.account;

/**
 * An AccessKey pair with its owner, as the signature check needs it. The secret is decrypted once when the key
 * enters the {@link AccountDirectory} cache, not on every call: AES-GCM per request was the largest cost of a
 * throttled call. It never leaves the process and is kept out of {@link #toString()}.
 */
public record AccessKey(String id, Account account, boolean active, String secret) {

    @Override
    public String toString() {
        return "AccessKey[id=" + id + ", account=" + account.id() + ", active=" + active + "]";
    }
}
