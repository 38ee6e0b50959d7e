package io.jkeepalived.net;

/** What the kernel announces on rtnetlink's link and address groups. */
public sealed interface NetEvent {
    /** RTM_NEWLINK (a change of state or a new link) or RTM_DELLINK. */
    record LinkChanged(Link link, boolean removed) implements NetEvent {
    }

    /** RTM_NEWADDR or RTM_DELADDR. */
    record AddressChanged(InterfaceAddress address, boolean removed) implements NetEvent {
    }

    /** RTM_NEWROUTE or RTM_DELROUTE (only on a subscription that asked for routes). */
    record RouteChanged(Route route, boolean removed) implements NetEvent {
    }

    /** The kernel dropped announcements (ENOBUFS): the listener must list links and addresses again. */
    record Overrun() implements NetEvent {
    }
}
