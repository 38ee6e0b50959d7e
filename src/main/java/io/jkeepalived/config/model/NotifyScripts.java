package io.jkeepalived.config.model;

/**
 * The notify scripts of an instance or sync group; null when not given.
 *
 * @param deleted          {@code notify_deleted}: a script, or null
 * @param deletedFlag      whether {@code notify_deleted} was given (with or without a script)
 * @param masterRxLowerPri {@code notify_master_rx_lower_pri} (instances only)
 */
public record NotifyScripts(Script master, Script backup, Script fault, Script stop, Script generic,
                            Script deleted, boolean deletedFlag, Script masterRxLowerPri) {
    public static final NotifyScripts NONE = new NotifyScripts(null, null, null, null, null, null, false, null);
}
