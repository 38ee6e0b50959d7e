package io.jkeepalived.time;

import java.util.Arrays;

/**
 * The event loop's timers: an indexed binary min-heap of deadlines (absolute {@link NanoClock} nanoseconds).
 *
 * <p>A timer is a small integer id taken once with {@link #newTimer()} (one per VRRP instance, per GARP
 * schedule…) and then armed, re-armed and cancelled as often as needed: those operations only move ids
 * inside preallocated primitive arrays, so the steady state allocates nothing (STYLE.md habit 5, Agrona's
 * DeadlineTimerWheel). Arrays grow only when more ids are taken. Exact deadlines rather than wheel ticks,
 * because VRRP's skew time is sub-millisecond (RFC 5798 §6.1, keepalived works in microseconds).
 *
 * <p>Timers with equal deadlines fire in the order they were armed. Not thread-safe: one owner thread
 * (STYLE.md habit 6).
 */
public final class DeadlineQueue {
    /** {@link #nextDeadline()} and {@link #deadline(int)} when nothing is armed. */
    public static final long NO_DEADLINE = Long.MAX_VALUE;

    private static final int NOT_ARMED = -1;
    private static final int RELEASED = -2;

    /** Called for each expired timer; the timer is already disarmed, so the handler may re-arm it. */
    @FunctionalInterface
    public interface ExpiryHandler {
        void onExpiry(int timerId, long nowNanos);
    }

    private long[] deadlineOf;
    private long[] armOrderOf;
    private int[] heapIndexOf;
    private int[] heap;
    private int[] freeIds;
    private int freeCount;
    private int idCount;
    private int size;
    private long armCounter;

    public DeadlineQueue() {
        this(16);
    }

    public DeadlineQueue(int initialCapacity) {
        int cap = Math.max(1, initialCapacity);
        deadlineOf = new long[cap];
        armOrderOf = new long[cap];
        heapIndexOf = new int[cap];
        heap = new int[cap];
        freeIds = new int[cap];
    }

    /** Takes a new, unarmed timer id (reusing released ones first). */
    public int newTimer() {
        int id;
        if (freeCount > 0) {
            id = freeIds[--freeCount];
        } else {
            if (idCount == deadlineOf.length) grow();
            id = idCount++;
        }
        heapIndexOf[id] = NOT_ARMED;
        deadlineOf[id] = NO_DEADLINE;
        return id;
    }

    /** Cancels the timer and gives its id back for reuse. */
    public void release(int id) {
        cancel(id);
        heapIndexOf[id] = RELEASED;
        freeIds[freeCount++] = id;
    }

    /** Arms the timer to expire at {@code deadlineNanos}, moving it if it was already armed. */
    public void schedule(int id, long deadlineNanos) {
        int pos = checkedIndex(id);
        deadlineOf[id] = deadlineNanos;
        armOrderOf[id] = armCounter++;
        if (pos == NOT_ARMED) {
            pos = size++;
            heap[pos] = id;
            heapIndexOf[id] = pos;
            siftUp(pos);
        } else {
            // The deadline may have moved either way, so let it find its place in both directions.
            siftUp(pos);
            siftDown(heapIndexOf[id]);
        }
    }

    /** Disarms the timer; returns whether it was armed. */
    public boolean cancel(int id) {
        int pos = checkedIndex(id);
        if (pos == NOT_ARMED) return false;
        removeAt(pos);
        return true;
    }

    public boolean isArmed(int id) {
        return checkedIndex(id) >= 0;
    }

    /** The timer's deadline, or {@link #NO_DEADLINE} when it is not armed. */
    public long deadline(int id) {
        return checkedIndex(id) >= 0 ? deadlineOf[id] : NO_DEADLINE;
    }

    /** The earliest armed deadline, or {@link #NO_DEADLINE}: what the event loop waits for. */
    public long nextDeadline() {
        return size == 0 ? NO_DEADLINE : deadlineOf[heap[0]];
    }

    /** Number of armed timers. */
    public int size() {
        return size;
    }

    /**
     * Fires, earliest first, up to {@code limit} timers whose deadline is ≤ {@code nowNanos}. A handler
     * that re-arms its timer at or before {@code nowNanos} is fired again within the same call, bounded
     * by {@code limit}. Returns how many fired.
     */
    public int poll(long nowNanos, ExpiryHandler handler, int limit) {
        int fired = 0;
        while (fired < limit && size > 0) {
            int id = heap[0];
            if (deadlineOf[id] > nowNanos) break;
            removeAt(0);
            fired++;
            handler.onExpiry(id, nowNanos);
        }
        return fired;
    }

    private int checkedIndex(int id) {
        if (id < 0 || id >= idCount || heapIndexOf[id] == RELEASED) {
            throw new IllegalArgumentException("unknown timer id " + id);
        }
        return heapIndexOf[id];
    }

    private void removeAt(int pos) {
        int id = heap[pos];
        heapIndexOf[id] = NOT_ARMED;
        deadlineOf[id] = NO_DEADLINE;
        int last = --size;
        if (pos != last) {
            int moved = heap[last];
            heap[pos] = moved;
            heapIndexOf[moved] = pos;
            siftUp(pos);
            siftDown(heapIndexOf[moved]);
        }
    }

    private boolean before(int a, int b) {
        long da = deadlineOf[a];
        long db = deadlineOf[b];
        return da < db || (da == db && armOrderOf[a] < armOrderOf[b]);
    }

    private void siftUp(int pos) {
        int id = heap[pos];
        while (pos > 0) {
            int parent = (pos - 1) >>> 1;
            int p = heap[parent];
            if (!before(id, p)) break;
            heap[pos] = p;
            heapIndexOf[p] = pos;
            pos = parent;
        }
        heap[pos] = id;
        heapIndexOf[id] = pos;
    }

    private void siftDown(int pos) {
        int id = heap[pos];
        int half = size >>> 1;
        while (pos < half) {
            int child = 2 * pos + 1;
            int right = child + 1;
            if (right < size && before(heap[right], heap[child])) child = right;
            int c = heap[child];
            if (!before(c, id)) break;
            heap[pos] = c;
            heapIndexOf[c] = pos;
            pos = child;
        }
        heap[pos] = id;
        heapIndexOf[id] = pos;
    }

    private void grow() {
        int cap = deadlineOf.length * 2;
        deadlineOf = Arrays.copyOf(deadlineOf, cap);
        armOrderOf = Arrays.copyOf(armOrderOf, cap);
        heapIndexOf = Arrays.copyOf(heapIndexOf, cap);
        heap = Arrays.copyOf(heap, cap);
        freeIds = Arrays.copyOf(freeIds, cap);
    }
}
