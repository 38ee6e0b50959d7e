package io.jkeepalived.net.nl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/** The netlink framing: alignment, nests, multi-part dumps, errors, and malformed input. */
class NlCodecTest {
    @Test
    void multipartDumpSplitsIntoMessagesEndingWithDone() {
        byte[] bytes = Fixtures.hex("""
                18000000 1400 0200 05000000 00000000  02 18 00 00 02000000   # RTM_NEWADDR, NLM_F_MULTI
                18000000 1400 0200 05000000 00000000  0a 40 00 00 02000000   # RTM_NEWADDR, NLM_F_MULTI
                14000000 0300 0200 05000000 00000000  00000000               # NLMSG_DONE, error 0
                """);
        NlDecoded d = NlDecoded.decode(Fixtures.buffer(bytes), bytes.length);
        List<NlMessage> ms = ((NlDecoded.Messages) d).messages();
        assertThat(ms).extracting(NlMessage::type).containsExactly(20, 20, Netlink.NLMSG_DONE);
        assertThat(ms.get(0).isMultipart()).isTrue();
        assertThat(ms.get(2).isDone()).isTrue();
        assertThat(ms.get(1).payload().get(0)).isEqualTo((byte) 10);
    }

    @Test
    void errorWithExtendedAckCarriesErrnoRequestAndText() {
        // NLMSG_ERROR, flags NLM_F_CAPPED|NLM_F_ACK_TLVS: errno -17 (EEXIST), the request's header only,
        // then NLMSGERR_ATTR_MSG "exists"
        byte[] bytes = Fixtures.hex("""
                30000000 0200 0003 07000000 aa000000   # nlmsghdr: len 48, NLMSG_ERROR, CAPPED|ACK_TLVS, seq 7
                efffffff                               # error -17
                40000000 1400 0506 07000000 00000000   # the request's nlmsghdr (RTM_NEWADDR, seq 7)
                0b00 0100 657869737473 00 00           # NLMSGERR_ATTR_MSG "exists\\0", padded
                """);
        NlMessage m = ((NlDecoded.Messages) NlDecoded.decode(Fixtures.buffer(bytes), bytes.length)).messages().get(0);
        NlError e = NlError.parse(m);
        assertThat(e.errno()).isEqualTo(17);
        assertThat(e.isAck()).isFalse();
        assertThat(e.requestType()).isEqualTo(Rtnetlink.RTM_NEWADDR);
        assertThat(e.requestSeq()).isEqualTo(7);
        assertThat(e.extAckMessage()).isEqualTo("exists");
    }

    @Test
    void ackIsErrorZero() {
        byte[] bytes = Fixtures.hex("""
                24000000 0200 0001 03000000 00000000   # NLMSG_ERROR, NLM_F_CAPPED
                00000000                               # error 0: acknowledgement
                20000000 1000 0500 03000000 00000000   # request header
                """);
        NlMessage m = ((NlDecoded.Messages) NlDecoded.decode(Fixtures.buffer(bytes), bytes.length)).messages().get(0);
        assertThat(NlError.parse(m).isAck()).isTrue();
        assertThat(NlError.parse(m).extAckMessage()).isNull();
    }

    @Test
    void lengthPastTheDatagramIsMalformed() {
        byte[] bytes = Fixtures.hex("40000000 1400 0200 05000000 00000000 00000000");
        assertThat(NlDecoded.decode(Fixtures.buffer(bytes), bytes.length))
                .isInstanceOfSatisfying(NlDecoded.Malformed.class,
                        m -> assertThat(m.reason()).contains("nlmsg_len 64"));
    }

    @Test
    void lengthShorterThanAHeaderIsMalformed() {
        byte[] bytes = Fixtures.hex("08000000 1400 0200 05000000 00000000");
        assertThat(NlDecoded.decode(Fixtures.buffer(bytes), bytes.length)).isInstanceOf(NlDecoded.Malformed.class);
    }

    @Test
    void trailingBytesShortOfAHeaderAreMalformed() {
        byte[] bytes = Fixtures.hex("10000000 1400 0200 05000000 00000000 0102");
        assertThat(NlDecoded.decode(Fixtures.buffer(bytes), bytes.length)).isInstanceOf(NlDecoded.Malformed.class);
    }

    @Test
    void attributeRunningPastItsContainerIsRefused() {
        ByteBuffer b = Fixtures.buffer(Fixtures.hex("0c00 0100 0a630001"));
        assertThatThrownBy(() -> NlAttrs.parse(b, 0, 8)).isInstanceOf(NlFormatException.class)
                .hasMessageContaining("length 12");
    }

    @Test
    void missingOrShortAttributeIsRefusedNotMisread() {
        NlAttrs a = NlAttrs.parse(Fixtures.buffer(Fixtures.hex("0500 0100 07 000000")), 0, 8);
        assertThat(a.u8(1)).isEqualTo(7);
        assertThatThrownBy(() -> a.u32(1)).isInstanceOf(NlFormatException.class);
        assertThatThrownBy(() -> a.u32(2)).isInstanceOf(NlFormatException.class);
        assertThat(a.u32(2, -1)).isEqualTo(-1);
    }

    @Test
    void nestedFlagAndByteOrderBitsAreMaskedOffTheType() {
        NlAttrs a = NlAttrs.parse(Fixtures.buffer(Fixtures.hex("0c00 0280 0800 0140 01020304")), 0, 12);
        assertThat(a.has(2)).isTrue();
        assertThat(a.nested(2).bytes(1)).containsExactly(1, 2, 3, 4);
    }

    @Test
    void stringAttributesArePaddedToFourBytes() {
        NlWriter w = new NlWriter(ByteBuffer.allocate(64));
        w.begin(1, 0, 0, 0).attrString(3, "abc").attrU8(4, 9);
        int len = w.end();
        assertThat(len).isEqualTo(16 + 8 + 8);
        assertThat(Fixtures.written(w)).endsWith("0800030061626300" + "0500040009000000");
    }

    @Property
    void attributesRoundTripAndStayAligned(@ForAll @Size(max = 12) List<@Size(max = 40) byte[]> values) {
        NlWriter w = new NlWriter(ByteBuffer.allocate(64 + values.size() * 48));
        w.begin(100, Netlink.NLM_F_REQUEST, 1, 0);
        int nest = w.beginNest(50);
        for (int i = 0; i < values.size(); i++) {
            w.attr(i + 1, values.get(i));
        }
        w.endNest(nest);
        int len = w.end();
        assertThat(len % 4).isZero();
        NlDecoded d = NlDecoded.decode(w.buffer(), len);
        NlMessage m = ((NlDecoded.Messages) d).messages().getFirst();
        assertThat(m.type()).isEqualTo(100);
        NlAttrs inner = m.attrs(0).nested(50);
        assertThat(inner.size()).isEqualTo(values.size());
        for (int i = 0; i < values.size(); i++) {
            assertThat(inner.bytes(i + 1)).isEqualTo(values.get(i));
        }
    }

    @Property
    void decodingArbitraryBytesNeverThrows(@ForAll @Size(max = 200) byte[] bytes) {
        NlDecoded d = NlDecoded.decode(Fixtures.buffer(bytes), bytes.length);
        assertThat(d).isNotNull();
    }
}
