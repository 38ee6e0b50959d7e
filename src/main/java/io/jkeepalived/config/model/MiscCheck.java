package io.jkeepalived.config.model;

import java.time.Duration;
import java.util.Optional;

/**
 * MISC_CHECK: runs {@code misc_path}; exit 0 = up. With {@code misc_dynamic}, 2..255 set the weight to exit-2.
 *
 * @param timeout misc_timeout, else the virtual server's delay_loop (check_misc.c; not the checker's)
 * @param user    {@code user NAME [GROUP]} as written; empty = the default script user
 */
public record MiscCheck(Script script, Duration timeout, boolean dynamic, Optional<String> user,
                        Optional<String> group, CheckTiming timing, int line) implements Checker {
    @Override
    public String keyword() {
        return "MISC_CHECK";
    }
}
