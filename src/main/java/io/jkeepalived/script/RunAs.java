package io.jkeepalived.script;

/**
 * The user and group a script runs as. keepalived sets the group, then the supplementary groups to that one
 * group alone, then the user (lib/notify.c set_script_env).
 *
 * @param uid numeric user id
 * @param gid numeric group id
 */
public record RunAs(int uid, int gid) {
    /** The daemon's own identity (root): no change of user is needed. */
    public static final RunAs ROOT = new RunAs(0, 0);
}
