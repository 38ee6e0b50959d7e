package io.jkeepalived.vrrp.packet;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.ShortBufferException;
import javax.crypto.spec.SecretKeySpec;

/**
 * keepalived's IPsec AH integrity check value (RFC 2402 §3.3.3, HMAC-MD5-96 of RFC 2403), computed in user space
 * with the 8-byte auth_pass as key. The ICV covers the IPv4 header with the mutable fields zeroed (TOS,
 * fragment offset, header checksum, and the TTL only when unicasting), then the AH header with a zero ICV,
 * then the VRRP message. One instance per thread: it owns scratch buffers so that no packet allocates.
 */
public final class AhAuthenticator {
    /** Largest IPv4 header (15 words) + AH + VRRPv2 with 255 addresses and auth data. */
    private static final int MAX_PACKET = 60 + VrrpWire.AH_HEADER + VrrpWire.VRRP_HEADER + 255 * 4
            + VrrpWire.AUTH_DATA;

    private final Mac mac;
    private final byte[] scratch = new byte[MAX_PACKET];
    private final byte[] digest = new byte[16];

    public AhAuthenticator(byte[] authData) {
        try {
            mac = Mac.getInstance("HmacMD5");
            // HMAC pads the key with zeros to the block size, so the zero-padded 8 bytes key it as keepalived does
            mac.init(new SecretKeySpec(authData.length == 0 ? new byte[AuthType.DATA_LENGTH] : authData, "HmacMD5"));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacMD5 unavailable", e);
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
        java.util.Arrays.fill(scratch, ihl + VrrpWire.AH_ICV_OFFSET, ihl + VrrpWire.AH_HEADER, (byte) 0);
        mac.update(scratch, 0, length);
        try {
            mac.doFinal(digest, 0);
        } catch (ShortBufferException e) {
            throw new IllegalStateException(e);
        }
        System.arraycopy(digest, 0, out, 0, VrrpWire.AH_ICV_LENGTH);
        return true;
    }
}
