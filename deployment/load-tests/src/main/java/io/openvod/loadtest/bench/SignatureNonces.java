package io.openvod.loadtest.bench;

import java.security.SecureRandom;
import java.util.SplittableRandom;

/**
 * Fresh SignatureNonces in the form pop-core sends ({@code UUID.randomUUID().toString()}: a version-4 UUID, 122
 * random bits, lower-case hex), drawn from a SplittableRandom rather than SecureRandom: a load generator needs
 * nonces that never repeat, not unpredictable ones, and SecureRandom costs more than the rest of a request.
 * Not thread-safe: one per event loop.
 */
final class SignatureNonces {

    static final int LENGTH = 36;
    private static final byte[] HEX = {'0', '1', '2', '3', '4', '5', '6', '7', '8', '9', 'a', 'b', 'c', 'd', 'e', 'f'};

    // Seeded from SecureRandom once, so runs against the same accounts (whose nonces the gateway remembers) do not
    // share a sequence.
    private final SplittableRandom random = new SplittableRandom(new SecureRandom().nextLong());
    private final byte[] nonce = new byte[LENGTH];

    /** The next nonce, in an array this method overwrites on its next call. */
    byte[] next() {
        long high = (random.nextLong() & ~0xF000L) | 0x4000L; // version 4
        long low = (random.nextLong() & ~(3L << 62)) | (2L << 62); // IETF variant
        hex(high >>> 32, 0, 8);
        nonce[8] = '-';
        hex(high >>> 16, 9, 4);
        nonce[13] = '-';
        hex(high, 14, 4);
        nonce[18] = '-';
        hex(low >>> 48, 19, 4);
        nonce[23] = '-';
        hex(low, 24, 12);
        return nonce;
    }

    /** The low {@code digits} hex digits of {@code value} at {@code offset}. */
    private void hex(long value, int offset, int digits) {
        for (int i = offset + digits - 1; i >= offset; i--) {
            nonce[i] = HEX[(int) value & 0xF];
            value >>>= 4;
        }
    }
}
