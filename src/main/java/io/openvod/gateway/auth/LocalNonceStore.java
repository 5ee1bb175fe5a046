package io.openvod.gateway.auth;

import com.carrotsearch.hppc.LongHashSet;
import io.openvod.gateway.core.envelope.ApiError;
import io.smallrye.mutiny.Uni;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.LongSupplier;
import org.jboss.logging.Logger;

/**
 * Nonces in this JVM only: enough for a single instance and needs no other service.
 * <p>
 * Each nonce is kept as a 64-bit hash of (AccessKeyId, nonce), salted with a random per-process key so nobody can
 * aim collisions at another caller, in the time slice of its request's own timestamp. A slice is dropped whole once
 * every timestamp in it is older than the skew, i.e. once no request that could carry one of its nonces can be
 * accepted any more; nothing is ever evicted before that. Memory is bounded by {@code maxEntries}: at the bound a
 * new nonce is refused with 503 ServiceUnavailable (fail closed) instead of forgetting an older one. A primitive
 * hash set costs 11 to 21 bytes a nonce (HPPC, load factor 0.75), against about 100 for a boxed cache entry.
 */
public final class LocalNonceStore implements NonceStore {

    private static final Logger LOG = Logger.getLogger(LocalNonceStore.class);
    /** Slices per skew: finer slices free memory sooner, coarser ones mean fewer sets. */
    private static final int SLICES_PER_SKEW = 30;
    private static final long FULL_LOG_INTERVAL_MILLIS = 60_000;

    private final long skewMillis;
    private final long sliceMillis;
    private final long maxEntries;
    private final LongSupplier clockMillis;
    private final MessageDigest saltedDigest;
    private final TreeMap<Long, LongHashSet> slices = new TreeMap<>();
    private long entries;
    private boolean loggedFull;
    private long lastFullLogMillis;

    public LocalNonceStore(Duration skew, long maxEntries) {
        this(skew, maxEntries, System::currentTimeMillis);
    }

    LocalNonceStore(Duration skew, long maxEntries, LongSupplier clockMillis) {
        this.skewMillis = skew.toMillis();
        this.sliceMillis = Math.max(1_000, skewMillis / SLICES_PER_SKEW);
        this.maxEntries = maxEntries;
        this.clockMillis = clockMillis;
        this.saltedDigest = saltedSha256();
    }

    @Override
    public Uni<Boolean> firstUse(String accessKeyId, String nonce, Instant timestamp) {
        try {
            return Uni.createFrom().item(record(hash(accessKeyId, nonce), timestamp.toEpochMilli()));
        } catch (RuntimeException e) {
            return Uni.createFrom().failure(e);
        }
    }

    /** Nonces currently remembered, for tests and sizing. */
    synchronized long size() {
        return entries;
    }

    private synchronized boolean record(long hash, long timestampMillis) {
        long now = clockMillis.getAsLong();
        dropExpiredSlices(now);
        long slice = Math.floorDiv(timestampMillis, sliceMillis);
        LongHashSet set = slices.get(slice);
        if (set != null && set.contains(hash)) {
            return false;
        }
        if (entries >= maxEntries) {
            logFull(now);
            throw ApiError.serviceUnavailable().exception();
        }
        if (set == null) {
            set = new LongHashSet();
            slices.put(slice, set);
        }
        set.add(hash);
        entries++;
        return true;
    }

    /** A slice may go once the newest timestamp it can hold is further than the skew in the past. */
    private void dropExpiredSlices(long now) {
        Map.Entry<Long, LongHashSet> oldest;
        while ((oldest = slices.firstEntry()) != null && (oldest.getKey() + 1) * sliceMillis + skewMillis < now) {
            entries -= oldest.getValue().size();
            slices.pollFirstEntry();
        }
    }

    private void logFull(long now) {
        if (!loggedFull || now - lastFullLogMillis >= FULL_LOG_INTERVAL_MILLIS) {
            loggedFull = true;
            lastFullLogMillis = now;
            LOG.warnf("Nonce store full (%d nonces within the timestamp window): new calls are refused with 503 "
                    + "until older nonces expire; raise vod.auth.nonce-local-max-entries or use vod.auth.nonce-store=redis",
                    entries);
        }
    }

    private long hash(String accessKeyId, String nonce) {
        MessageDigest digest;
        try {
            digest = (MessageDigest) saltedDigest.clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException(e);
        }
        // The '\n' cannot occur in a well-formed AccessKeyId, so (k, n) pairs never run into each other.
        digest.update(accessKeyId.getBytes(StandardCharsets.UTF_8));
        digest.update((byte) '\n');
        digest.update(nonce.getBytes(StandardCharsets.UTF_8));
        return ByteBuffer.wrap(digest.digest()).getLong();
    }

    private static MessageDigest saltedSha256() {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] salt = new byte[32];
            new SecureRandom().nextBytes(salt);
            digest.update(salt);
            return digest;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }
}
