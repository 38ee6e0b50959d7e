package io.jkeepalived.config.model;

import java.util.Optional;

/**
 * UDP_CHECK: sends {@code payload} (random when empty); down on an ICMP error, or, with
 * {@code require_reply}, without a matching reply.
 *
 * @param payload    the payload as lower-case hex digits
 * @param reply      the required reply's bytes as hex, wildcard nibbles as 0
 * @param replyMask  which reply nibbles must match, as hex (f = must match, 0 = wildcard)
 */
public record UdpCheck(ConnectOptions connection, CheckTiming timing, Optional<String> payload,
                       boolean requireReply, Optional<String> reply, Optional<String> replyMask,
                       int minReplyLength, int maxReplyLength, int line) implements Checker {
    @Override
    public String keyword() {
        return "UDP_CHECK";
    }
}
