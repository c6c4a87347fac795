/**
 * The candidate's Atomics.wait and Atomics.notify, kept in the run's shared table instead of V8's futex.
 *
 * A waiter publishes a ticket and the address it waits on (shared buffer id and byte offset, see
 * runtime/isolate/shared-identity.ts), then parks on its own ticket cell in short chunks: between
 * chunks it watches virtual time, stop requests and deadlock. A notify claims waiters on its address,
 * oldest ticket first as V8's futex does, by negating their tickets. The claim stays until the waiter
 * reads it, so a notify landing between two chunks is never lost, and a waiter on any other address
 * is never woken.
 */
import type { SharedAddress } from "../runtime/host-callbacks";
import { G, MAX_THREADS, type SharedTable } from "./shared-table";

/** One thread's place among the waiters (a thread waits on one address at a time). */
export class WaitSlot {
  private ticket = 0;
  private readonly ticketCell: number;
  private readonly addressCell: number;
  constructor(private readonly table: SharedTable, me: number) {
    this.ticketCell = table.waitTicketIndex(me);
    this.addressCell = table.waitAddressIndex(me);
  }

  /** Join the waiters on `at`; before the value check, so that a notify after the check finds us. */
  enter(at: SharedAddress): void {
    const ints = this.table.ints;
    Atomics.store(ints, this.addressCell, at[0]);
    Atomics.store(ints, this.addressCell + 1, at[1]);
    this.ticket = Atomics.add(ints, G.WAIT_TICKETS, 1) + 1;
    Atomics.add(ints, G.WAITING, 1);
    Atomics.store(ints, this.ticketCell, this.ticket);
  }

  /** A notify has claimed this wait. */
  claimed(): boolean {
    return Atomics.load(this.table.ints, this.ticketCell) === -this.ticket;
  }

  /** Sleep up to `ms` of real time, or until a notify claims this wait; whether one did. */
  park(ms: number): boolean {
    Atomics.wait(this.table.ints, this.ticketCell, this.ticket, ms);
    return this.claimed();
  }

  /** Leave the waiters; whether a notify claimed us first (it counted us, so the wait ends "ok"). */
  leave(): boolean {
    const ints = this.table.ints;
    const was = Atomics.compareExchange(ints, this.ticketCell, this.ticket, 0);
    Atomics.store(ints, this.ticketCell, 0);
    Atomics.sub(ints, G.WAITING, 1);
    return was === -this.ticket;
  }
}

/**
 * Claim and wake up to `count` waiters on `at`, oldest first; how many. Each claim counts in G.WAKES
 * before it is made: a claimed waiter reads as blocked until its host thread runs.
 */
export function claimWaiters(table: SharedTable, at: SharedAddress, count: number): number {
  const ints = table.ints;
  // Only the waits already begun: without this bound, a waiter woken here that waits again at once
  // (a hand-off loop) was claimed a second time by the same notify, a wake-up no notify made.
  const horizon = Atomics.load(ints, G.WAIT_TICKETS);
  let n = 0;
  while (n < count && Atomics.load(ints, G.WAITING) > 0) {
    const oldest = oldestWaiter(table, at, horizon);
    if (!oldest) break;
    const [t, ticket] = oldest;
    Atomics.add(ints, G.WAKES, 1);
    if (Atomics.compareExchange(ints, table.waitTicketIndex(t), ticket, -ticket) !== ticket) {
      // It left (timed out, stopped) meanwhile: look again.
      Atomics.sub(ints, G.WAKES, 1);
      continue;
    }
    Atomics.notify(ints, table.waitTicketIndex(t), 1);
    n++;
  }
  return n;
}

function oldestWaiter(table: SharedTable, at: SharedAddress, horizon: number): [thread: number, ticket: number] | null {
  const ints = table.ints;
  const threads = Math.min(Atomics.load(ints, G.NEXT_THREAD), MAX_THREADS);
  let best: [number, number] | null = null;
  for (let t = 0; t < threads; t++) {
    const cell = table.waitTicketIndex(t);
    const ticket = Atomics.load(ints, cell);
    if (ticket <= 0 || ticket > horizon || (best && ticket > best[1])) continue;
    const a = table.waitAddressIndex(t);
    if (Atomics.load(ints, a) !== at[0] || Atomics.load(ints, a + 1) !== at[1]) continue;
    // The address is written before the ticket: an unchanged ticket means it was this wait's address.
    if (Atomics.load(ints, cell) !== ticket) continue;
    best = [t, ticket];
  }
  return best;
}
