package io.jkeepalived.config.model;

import java.util.List;

/**
 * An external program named in the config (vrrp_script's script, notify_*, startup_script, FIFO scripts).
 *
 * @param text  the command as written (keepalived re-tokenises it with its quoting rules)
 * @param argv  the command split into words (plain whitespace split until the script lexer is used)
 * @param user  the user to run it as, or null for script_user / the default
 * @param group the group, or null
 */
public record Script(String text, List<String> argv, String user, String group) {
    public Script {
        argv = List.copyOf(argv);
    }
}
