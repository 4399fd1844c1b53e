package io.firstwall.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * A free slot goes to the users who wait in turn: one analyst's queue of three requests does not make
 * another user wait behind all three (a plain FIFO semaphore made another user's 1 ms analysis wait
 * 83 s behind one analyst's sampled runs).
 */
class FairSlotsTests {

    @Test
    void aSlotGoesToTheNextUserInTurnNotToTheLongestQueue() throws Exception {
        FairSlots slots = new FairSlots(1);
        slots.acquire("alice");
        List<String> granted = Collections.synchronizedList(new ArrayList<>());
        List<Thread> threads = new ArrayList<>();
        for (String request : List.of("alice-2", "alice-3", "alice-4", "bob-1")) {
            Thread t = new Thread(() -> {
                slots.acquire(request.substring(0, request.indexOf('-')));
                granted.add(request);
                slots.release();
            });
            int before = slots.waiting();
            t.start();
            threads.add(t);
            // Each request is queued before the next starts: the order is known, not raced.
            while (slots.waiting() == before) {
                Thread.onSpinWait();
            }
        }
        slots.release();
        for (Thread t : threads) {
            t.join();
        }
        assertThat(granted).containsExactly("alice-2", "bob-1", "alice-3", "alice-4");
        assertThat(slots.free()).isEqualTo(1);
    }

    @Test
    void slotsAreTakenAtOnceWhileFreeAndNobodyWaits() {
        FairSlots slots = new FairSlots(2);
        slots.acquire("a");
        slots.acquire("b");
        assertThat(slots.free()).isZero();
        slots.release();
        slots.release();
        assertThat(slots.free()).isEqualTo(2);
    }
}
