package io.jkeepalived.vrrp.packet;

import java.nio.ByteBuffer;
import java.security.DigestException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/**
 * keepalived's IPsec AH integrity check value (RFC 2402 §3.3.3, HMAC-MD5-96 of RFC 2403), computed in user space
 * with the 8-byte auth_pass as key. The ICV covers the IPv4 header with the mutable fields zeroed (TOS,
 * fragment offset, header checksum, and the TTL only when unicasting), then the AH header with a zero ICV,
 * then the VRRP message. One instance per thread: it owns scratch buffers so that no packet allocates (HMAC is
 * done here over MessageDigest, RFC 2104 §2, because javax.crypto.Mac allocates a digest per call).
 */
public final class AhAuthenticator {
    /** Largest IPv4 header (15 words) + AH + VRRPv2 with 255 addresses and auth data. */
    private static final int MAX_PACKET = 60 + VrrpWire.AH_HEADER + VrrpWire.VRRP_HEADER + 255 * 4
            + VrrpWire.AUTH_DATA;

    private static final int BLOCK = 64;

    private final MessageDigest md5;
    private final byte[] innerPad = new byte[BLOCK];
    private final byte[] outerPad = new byte[BLOCK];
    private final byte[] scratch = new byte[MAX_PACKET];
    private final byte[] digest = new byte[16];

    public AhAuthenticator(byte[] authData) {
        try {
            md5 = MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 unavailable", e);
        }
        // RFC 2104: a key longer than a block is hashed first; a shorter one is zero padded (so the 8 zero-padded
        // auth_pass bytes key it exactly as keepalived's hmac_md5 does)
        byte[] key = authData.length > BLOCK ? md5.digest(authData) : authData;
        Arrays.fill(innerPad, (byte) 0x36);
        Arrays.fill(outerPad, (byte) 0x5c);
        for (int i = 0; i < key.length; i++) {
            innerPad[i] ^= key[i];
            outerPad[i] ^= key[i];
        }
    }

    /**
     * Computes the 12-byte ICV of the IPv4 packet at {@code at} (header of {@code ihl} bytes, AH right after it,
     * {@code length} bytes in all) into {@code out[0..12)}. Returns false when the packet is too big to hold.
     */
    public boolean icv(ByteBuffer packet, int at, int ihl, int length, boolean unicast, byte[] out) {
        if (length > scratch.length || length < ihl + VrrpWire.AH_HEADER || ihl < VrrpWire.IPV4_HEADER) {
            return false;
        }
        packet.get(at, scratch, 0, length);
        scratch[1] = 0;                 // TOS
        scratch[6] = 0;                 // flags + fragment offset
        scratch[7] = 0;
        scratch[10] = 0;                // header checksum
        scratch[11] = 0;
        if (unicast) {
            scratch[8] = 0;             // TTL: mutable on a routed path
        }
        Arrays.fill(scratch, ihl + VrrpWire.AH_ICV_OFFSET, ihl + VrrpWire.AH_HEADER, (byte) 0);
        try {
            md5.update(innerPad);
            md5.update(scratch, 0, length);
            md5.digest(digest, 0, digest.length);
            md5.update(outerPad);
            md5.update(digest);
            md5.digest(digest, 0, digest.length);
        } catch (DigestException e) {
            throw new IllegalStateException(e);
        }
        System.arraycopy(digest, 0, out, 0, VrrpWire.AH_ICV_LENGTH);
        return true;
    }
}
