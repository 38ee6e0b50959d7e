package io.jkeepalived.vrrp.packet;

import java.nio.ByteBuffer;

/**
 * keepalived 2.2.7's receive checks for one instance, in its order (vrrp_scheduler.c dispatcher, then vrrp.c
 * vrrp_check_packet), answering a {@link Verdict} instead of throwing: any bytes at all get a verdict.
 * Side effects are keepalived's: the AH sequence learnt from a good packet and the switch to old-style unicast
 * checksums land in {@link PacketCounters}, counts in {@link ReceiveCounters}.
 *
 * <p>The instance's state is the caller's: it skips packets while INIT or FAULT and says whether it is BACKUP
 * (which affects the VIP check under skip_check_adv_addr and the AH cycle flag). keepalived's strict mode has no
 * receive-time rule of its own in 2.2.7: it acts through the policy (no auth, no unicast). One validator per
 * instance, used by one thread; no call allocates.
 */
public final class AdvertValidator {
    private final ReceivePolicy policy;
    private final PacketCounters counters;
    private final ReceiveCounters stats;
    private final AhAuthenticator ah;
    private final byte[] packedVips;
    private final AdvertView view = new AdvertView();
    private final byte[] icv = new byte[VrrpWire.AH_ICV_LENGTH];
    private final byte[] source = new byte[16];
    private final byte[] destination = new byte[4];

    private final VerdictDetail detail = new VerdictDetail();
    private boolean switchedToOldChecksum;
    private boolean intervalDiffers;

    public AdvertValidator(ReceivePolicy policy, PacketCounters counters, ReceiveCounters stats) {
        this.policy = policy;
        this.counters = counters;
        this.stats = stats;
        this.ah = policy.authType() == AuthType.AH ? new AhAuthenticator(policy.authData()) : null;
        this.packedVips = policy.packedVips();
    }

    public ReceivePolicy policy() {
        return policy;
    }

    /** The packet last checked; its fields are trustworthy once the verdict is {@link Verdict#ACCEPT}. */
    public AdvertView view() {
        return view;
    }

    /** Values behind the last verdict, for keepalived's log line. */
    public VerdictDetail detail() {
        return detail;
    }

    /** True when the last check turned this instance to old-style (≤ 1.3.6) unicast v3 checksums. */
    public boolean switchedToOldChecksum() {
        return switchedToOldChecksum;
    }

    /** VRRPv3: the accepted advert's interval differs from ours (RFC 5798 §6.4.2: the backup adopts it). */
    public boolean intervalDiffers() {
        return intervalDiffers;
    }

    /**
     * Checks one received packet.
     *
     * @param packet       the bytes recvmsg returned: an IPv4 datagram with header, or an IPv6 VRRP payload
     * @param arrival      IPv6 sender, hop limit and multicast flag (ignored for IPv4)
     * @param backup       true in BACKUP state, false in MASTER
     * @param masterSource the address of the master this backup last accepted, or null
     */
    public Verdict check(ByteBuffer packet, int at, int length, Arrival arrival, boolean backup,
            byte[] masterSource) {
        switchedToOldChecksum = false;
        intervalDiffers = false;
        detail.clear();
        Verdict v = run(packet, at, length, arrival, backup, masterSource);
        stats.record(v);
        return v;
    }

    private Verdict run(ByteBuffer packet, int at, int length, Arrival arrival, boolean backup,
            byte[] masterSource) {
        IpFamily family = policy.family();
        boolean ipv4 = family == IpFamily.IPV4;
        Verdict shape = view.wrap(packet, at, length, family);
        if (shape != Verdict.ACCEPT) {
            return detail.of(shape, length, 0);
        }
        if (view.vrid() != policy.vrid()) {
            return detail.of(Verdict.UNKNOWN_VRID, view.vrid(), policy.vrid());
        }
        int hopLimit;
        boolean multicast;
        if (ipv4) {
            view.ipv4Source(source);
            hopLimit = view.ipTtl();
            multicast = VrrpWire.isIpv4Multicast(packet, at + 16);
        } else {
            System.arraycopy(arrival.source(), 0, source, 0, 16);
            hopLimit = arrival.hopLimit();
            multicast = arrival.multicastDestination();
            if (multicast == policy.unicast()) {
                return detail.of(Verdict.CAST_DISCARDED, multicast ? 1 : 0, 0);
            }
        }
        boolean withAh = policy.authType() == AuthType.AH;
        int expected = view.ipHeaderLength();
        if (ipv4) {
            if (view.hasAh() != withAh) {
                return detail.of(view.hasAh() ? Verdict.AH_UNEXPECTED : Verdict.AH_MISSING, 0, 0);
            }
            expected += withAh ? VrrpWire.AH_HEADER : 0;
        }
        expected += VrrpWire.vrrpLength(family, view.version() == 2 ? 2 : 3, view.addressCount());
        if (length != expected) {
            return detail.of(Verdict.LENGTH_MISMATCH, length, expected);
        }
        // RFC 3768 §7.1 / RFC 5798 §7.1: TTL/hop limit 255, unless unicast
        if (!policy.unicast() && hopLimit != -1 && hopLimit != VrrpWire.VRRP_TTL) {
            return detail.of(Verdict.TTL, hopLimit, VrrpWire.VRRP_TTL);
        }
        if (view.version() != policy.version()) {
            return detail.of(Verdict.VERSION, view.version(), policy.version());
        }
        if (policy.version() == 2) {
            Verdict auth = checkV2(packet, at, length, backup);
            if (auth != null) {
                return auth;
            }
        }
        if (view.type() != VrrpWire.TYPE_ADVERTISEMENT) {
            return detail.of(Verdict.TYPE, view.type(), VrrpWire.TYPE_ADVERTISEMENT);
        }
        boolean checkVips = !backup || !policy.skipCheckAdvAddr() || !sameAddress(masterSource, source, family);
        if (checkVips && view.addressCount() != policy.vips().size()) {
            return detail.of(Verdict.ADDRESS_COUNT, view.addressCount(), policy.vips().size());
        }
        if (ipv4 && view.ipTotalLength() != length) {
            return detail.of(Verdict.IP_TOTAL_LENGTH, view.ipTotalLength(), length);
        }
        if (ipv4 && !checksumValid(packet)) {
            return detail.of(Verdict.CHECKSUM, view.checksum(), policy.version());
        }
        if (multicast == policy.unicast()) {
            return detail.of(Verdict.CAST_MISMATCH, policy.unicast() ? 1 : 0, 0);
        }
        stats.bump(VrrpStat.ADVERT_RCVD);
        if (checkVips) {
            Verdict addresses = checkAddresses(hopLimit);
            if (addresses != null) {
                return addresses;
            }
        }
        if (view.priority() == 0) {
            stats.bump(VrrpStat.PRI_ZERO_RCVD);
        }
        intervalDiffers = policy.version() == 3 && view.advertIntervalMicros() != policy.advertIntervalMicros();
        return Verdict.ACCEPT;
    }

    /** RFC 3768 §7.1 authentication and interval checks; null when they pass. */
    private Verdict checkV2(ByteBuffer packet, int at, int length, boolean backup) {
        int code = view.authTypeCode();
        if (AuthType.ofCode(code) == null) {
            return detail.of(Verdict.INVALID_AUTH_TYPE, code, 0);
        }
        if (code != policy.authType().code()) {
            return detail.of(Verdict.AUTH_TYPE_MISMATCH, code, policy.authType().code());
        }
        if (policy.authType() == AuthType.PASS) {
            // keepalived finds the password 8 bytes before the end the IPv4 total length claims
            int pw = Octets.u16(packet, at + 2) - AuthType.DATA_LENGTH;
            if (pw < 0 || pw + AuthType.DATA_LENGTH > length
                    || !Octets.equalsConstantTime(packet, at + pw, policy.authData(), 0, AuthType.DATA_LENGTH)) {
                return detail.of(Verdict.PASSWORD, 0, 0);
            }
        } else if (policy.authType() == AuthType.AH) {
            Verdict verdict = checkAh(packet, at, length);
            if (verdict != null) {
                return verdict;
            }
            if (backup && view.ahSequence() >= counters.ahSequence()) {
                counters.ahCycle(false);
            }
        }
        if (policy.advertIntervalMicros() != view.advertIntervalSeconds() * VrrpWire.TIMER_HZ) {
            return detail.of(Verdict.ADVERT_INTERVAL, (int) (policy.advertIntervalMicros() / VrrpWire.TIMER_HZ),
                    view.advertIntervalSeconds());
        }
        return null;
    }

    /** RFC 2402 §3.4: ICV first (nothing else is trustworthy before it), then SPI = source, then replay. */
    private Verdict checkAh(ByteBuffer packet, int at, int length) {
        if (view.ahNextHeader() != VrrpWire.IPPROTO_VRRP) {
            return detail.of(Verdict.AH_NOT_VRRP, view.ahNextHeader(), VrrpWire.IPPROTO_VRRP);
        }
        int icvAt = view.ahStart() + VrrpWire.AH_ICV_OFFSET;
        if (!ah.icv(packet, at, view.ipHeaderLength(), length, policy.unicast(), icv)
                || !Octets.equalsConstantTime(packet, icvAt, icv, 0, VrrpWire.AH_ICV_LENGTH)) {
            return detail.of(Verdict.AH_ICV, 0, 0);
        }
        if (!Octets.equalsAt(packet, view.ahStart() + 4, source, 0, 4)) {
            return detail.of(Verdict.AH_SPI, Octets.u32(packet, at + 12), view.ahSpi());
        }
        long sequence = view.ahSequence();
        if (sequence > counters.ahSequence()) {
            counters.ahSequence(sequence);
            return null;
        }
        return detail.of(Verdict.AH_REPLAY, sequence, counters.ahSequence());
    }

    /** RFC 3768 §5.3.8 (VRRP message only) and RFC 5798 §5.2.8 (with the IPv4 pseudo-header). */
    private boolean checksumValid(ByteBuffer packet) {
        int vrrpAt = view.vrrpStart();
        int len = VrrpWire.vrrpLength(IpFamily.IPV4, policy.version(), view.addressCount());
        if (policy.version() == 2) {
            return InternetChecksum.fold(InternetChecksum.sum(packet, vrrpAt, len, 0)) == 0;
        }
        if (policy.v3ChecksumAsV2()) {
            return true;
        }
        view.ipv4Destination(destination);
        long body = InternetChecksum.sum(packet, vrrpAt, len, 0);
        UnicastChecksumCompat compat = counters.checksumCompat();
        byte[] pseudoDst = compat.usesGroupInPseudoHeader() ? policy.checksumGroup() : destination;
        if (InternetChecksum.fold(body + InternetChecksum.pseudoHeader(source, pseudoDst, len)) == 0) {
            return true;
        }
        // a peer running keepalived ≤ 1.3.6 puts the group in a unicast pseudo-header: follow it
        if (policy.unicast() && compat == UnicastChecksumCompat.NONE
                && !java.util.Arrays.equals(pseudoDst, policy.checksumGroup())
                && InternetChecksum.fold(body + InternetChecksum.pseudoHeader(source, policy.checksumGroup(), len))
                        == 0) {
            counters.switchToOldChecksum(policy.peers().isEmpty() ? null : policy.peers().getFirst().address());
            switchedToOldChecksum = true;
            return true;
        }
        return false;
    }

    /** VIP list and unicast source checks; null when they pass. */
    private Verdict checkAddresses(int hopLimit) {
        int len = policy.family().addressLength();
        int count = view.addressCount();
        int first = view.vrrpStart() + VrrpWire.VRRP_HEADER;
        ByteBuffer b = view.buffer();
        for (int mine = 0; mine < policy.vips().size(); mine++) {
            boolean found = false;
            for (int i = 0; i < count && !found; i++) {
                found = Octets.equalsAt(b, first + i * len, packedVips, mine * len, len);
            }
            if (!found) {
                return detail.of(Verdict.VIP_MISSING, mine, policy.vrid());
            }
        }
        if (policy.unicast() && policy.checkUnicastSource()) {
            UnicastPeer peer = null;
            for (int i = 0; i < policy.peers().size(); i++) {
                UnicastPeer p = policy.peers().get(i);
                if (sameAddress(p.address(), source, policy.family())) {
                    peer = p;
                    break;
                }
            }
            if (peer == null) {
                return detail.of(Verdict.UNICAST_SOURCE, 0, 0);
            }
            if (hopLimit != -1 && (hopLimit < peer.minTtl() || hopLimit > peer.maxTtl())) {
                return detail.of(Verdict.UNICAST_TTL, hopLimit, peer.minTtl(), peer.maxTtl());
            }
        }
        return null;
    }

    private static boolean sameAddress(byte[] known, byte[] candidate, IpFamily family) {
        if (known == null || known.length != family.addressLength()) {
            return false;
        }
        for (int i = 0; i < known.length; i++) {
            if (known[i] != candidate[i]) {
                return false;
            }
        }
        return true;
    }

    /** The source address of the last packet (4 or 16 bytes valid, by family). */
    public byte[] lastSource() {
        return source;
    }
}
