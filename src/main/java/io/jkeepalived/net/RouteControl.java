package io.jkeepalived.net;

import java.util.List;

/** Routes and policy rules (keepalived's virtual_routes / virtual_rules). Failures throw {@link NetException}. */
public interface RouteControl {
    void addRoute(Route route);

    void deleteRoute(Route route);

    List<Route> routes(IpFamily family);

    void addRule(Rule rule);

    void deleteRule(Rule rule);

    List<Rule> rules(IpFamily family);
}
