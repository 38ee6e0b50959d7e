package io.jkeepalived.config.model;

/** BFD_CHECK: up while the named bfd_instance is up. */
public record BfdCheck(String name, boolean alpha, int line) implements Checker {
    @Override
    public String keyword() {
        return "BFD_CHECK";
    }
}
