package io.jkeepalived.check;

import io.jkeepalived.config.model.Endpoint;

/**
 * One IPVS operation the checker side asks for, as keepalived's ipvs_cmd() would send it (after its inhibit
 * rewriting: a delete of an inhibited server is an EDIT to weight 0). A pure value: the IPVS client reconciles
 * the table these build; without IPVS they are only recorded.
 *
 * @param service keepalived's FMT_VS of the virtual server
 * @param dest    the real (or sorry) server, null for service commands
 * @param weight  the destination's weight for ADD_DEST/EDIT_DEST
 */
public record IpvsCommand(Kind kind, String service, Endpoint dest, long weight) {
    /** keepalived's LVS_CMD_* that change the table. */
    public enum Kind { ADD, DEL, ADD_DEST, DEL_DEST, EDIT_DEST }

    @Override
    public String toString() {
        return kind + " " + service + (dest == null ? "" : " " + dest + " weight " + weight);
    }
}
