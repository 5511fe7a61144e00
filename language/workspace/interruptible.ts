import { Cancellation, interruptAndCheck } from 'langium';

type CancellationToken = Cancellation.CancellationToken;
const { CancellationToken } = Cancellation;

/**
 * How many items pass between cancellation checks. Langium checks (and awaits) once per AST node
 * in each build phase, a visible share of the build of a large file; checking every 256 nodes
 * still lets an edit cancel a build within a fraction of a millisecond.
 */
const itemsBetweenChecks = 256;

/** Runs `action` on each item, yielding to the event loop and honouring cancellation as Langium's own loops do. */
export async function forEachInterruptible<T>(items: Iterable<T>, cancelToken: CancellationToken | undefined, action: (item: T) => void): Promise<void> {
    if (!cancelToken || cancelToken === CancellationToken.None) {
        for (const item of items) action(item);
        return;
    }
    let count = 0;
    for (const item of items) {
        if (++count % itemsBetweenChecks === 0) await interruptAndCheck(cancelToken);
        action(item);
    }
    await interruptAndCheck(cancelToken);
}
