package io.jkeepalived.script;

/** What the security check found about a script (lib/notify.h SC_*). */
public enum ScriptFlag {
    /** Some part of its path may be written by someone other than root. */
    INSECURE,
    /** It is a file that will be executed (not a {@code </file} test). */
    IS_SCRIPT,
    /** It must not be run (insecure with enable_script_security, or a wrong file type on its path). */
    INHIBIT,
    /** It, or a part of its path, cannot be found. */
    NOT_FOUND,
    /** Its mode lets its user execute it. */
    EXECUTABLE,
    /** It can be started with execve(); otherwise through /bin/sh -c. */
    EXECABLE,
    /** A {@code </path} file test, safe to give to /bin/sh. */
    SYSTEM
}
