package io.firstwall.system;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * Analysis slots shared fairly between users: a free slot goes to the user whose turn it is, in
 * round-robin order over the users who wait, each user's own requests in the order they came. One
 * analyst's queue of long requests cannot make another user's request wait behind all of it.
 */
final class FairSlots {

    private final int slots;
    private int free;
    /** The users who wait, in turn order, each with their waiting requests. */
    private final Map<String, Deque<CountDownLatch>> waiting = new LinkedHashMap<>();

    FairSlots(int slots) {
        this.slots = slots;
        this.free = slots;
    }

    int slots() {
        return slots;
    }

    /** Takes a slot for {@code user}, waiting for the user's turn. */
    void acquire(String user) {
        CountDownLatch granted;
        synchronized (this) {
            if (free > 0 && waiting.isEmpty()) {
                free--;
                return;
            }
            granted = new CountDownLatch(1);
            waiting.computeIfAbsent(user, u -> new ArrayDeque<>()).addLast(granted);
        }
        boolean interrupted = false;
        while (true) {
            try {
                granted.await();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** Gives a slot back: to the next user in turn if anyone waits. */
    synchronized void release() {
        Iterator<Map.Entry<String, Deque<CountDownLatch>>> next = waiting.entrySet().iterator();
        if (!next.hasNext()) {
            free = Math.min(slots, free + 1);
            return;
        }
        Map.Entry<String, Deque<CountDownLatch>> turn = next.next();
        String user = turn.getKey();
        CountDownLatch granted = turn.getValue().pollFirst();
        // The user goes to the back of the turn order, with whatever they still wait for.
        Deque<CountDownLatch> rest = waiting.remove(user);
        if (!rest.isEmpty()) {
            waiting.put(user, rest);
        }
        granted.countDown();
    }

    /** How many requests wait for a slot. */
    synchronized int waiting() {
        return waiting.values().stream().mapToInt(Deque::size).sum();
    }

    /** How many slots are free now. */
    synchronized int free() {
        return free;
    }
}
