package dev.forcelink.testkit.internal.rest.composite;

import dev.forcelink.testkit.internal.org.RecordStore;
import dev.forcelink.testkit.internal.org.WriteContext;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Runs work in one store transaction that is undone, not committed, when its own result says so (an
 * {@code allOrNone} call with a failed record): the result is still returned, but no write stays and nothing
 * reaches the change log. Stateless.
 */
final class Transactions {

    private Transactions() {
    }

    /**
     * @param store the store
     * @param context the writing user and API
     * @param work the writes
     * @param undo tells from the result whether to undo everything
     * @param <T> the result type
     * @return the work's result, committed or undone
     */
    static <T> T commitUnless(RecordStore store, WriteContext context, Function<RecordStore.Transaction, T> work,
                              Predicate<T> undo) {
        try {
            return store.transaction(context, tx -> {
                T result = work.apply(tx);
                if (undo.test(result)) {
                    throw new Undo(result);
                }
                return result;
            });
        } catch (Undo signal) {
            @SuppressWarnings("unchecked")
            T result = (T) signal.result;
            return result;
        }
    }

    /** Carries a result out of a transaction that must roll back. */
    private static final class Undo extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient Object result;

        Undo(Object result) {
            super(null, null, false, false);
            this.result = result;
        }
    }
}
