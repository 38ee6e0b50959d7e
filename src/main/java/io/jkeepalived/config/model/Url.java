package io.jkeepalived.config.model;

import java.util.List;
import java.util.Optional;

/**
 * One {@code url { }} of HTTP_GET/SSL_GET.
 *
 * @param digest      the expected MD5 of the body, 32 lower-case hex digits
 * @param statusCodes accepted status ranges (default 200-299)
 * @param regexMaxOffset one past the last acceptable match position, 0 = unlimited (keepalived's convention)
 */
public record Url(String path, Optional<String> digest, List<StatusRange> statusCodes, Optional<String> virtualhost,
                  Optional<String> regex, boolean regexNoMatch, List<String> regexOptions, long regexMinOffset,
                  long regexMaxOffset, boolean regexUseStack) {
    public Url {
        statusCodes = List.copyOf(statusCodes);
        regexOptions = List.copyOf(regexOptions);
    }

    public record StatusRange(int min, int max) {
        public boolean contains(int code) {
            return code >= min && code <= max;
        }
    }

    public boolean accepts(int status) {
        return statusCodes.stream().anyMatch(r -> r.contains(status));
    }
}
