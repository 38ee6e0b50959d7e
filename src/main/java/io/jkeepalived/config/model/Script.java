package io.jkeepalived.config.model;

/**
 * A script keyword's value as written (misc_path, notify_up/down, quorum_up/down, …): the raw text after
 * the keyword, to be split with keepalived's quoting rules (alloc_strvec_quoted_escaped), and where it was.
 *
 * @param text the line's text after the keyword (command line, then optional {@code user [group]})
 */
public record Script(String text, String file, int line) {}
