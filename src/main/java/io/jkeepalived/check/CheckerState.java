package io.jkeepalived.check;

/**
 * The part of keepalived's checker_t that ipwrapper.c reads and writes: whether this checker is up, whether
 * it has run, alpha, and its weight contribution (MISC_CHECK misc_dynamic). Owned by the scheduler's thread.
 */
final class CheckerState {
    final LvsPool.Rs rs;
    final boolean alpha;
    boolean isUp = true;
    boolean hasRun;
    long curWeight;

    CheckerState(LvsPool.Rs rs, boolean alpha) {
        this.rs = rs;
        this.alpha = alpha;
    }
}
