using Mediator;
using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Data;
using TrustFund.Application.Events;

namespace TrustFund.Application.Behaviours;

/// <summary>
/// The unit of work of every command: inside Npgsql's retrying execution strategy it opens the transaction, runs the
/// handler, dispatches the domain events the entities raised to their handlers (journal postings, notices) in the
/// same transaction, saves and commits. A transient failure (the database restarting, a dropped connection, a
/// deadlock or serialisation failure) runs the whole command again from a clean change tracker, so a page gets either
/// the whole change or, once the retries are spent, a definite "try again" (503), never half a change. Handlers do
/// not open transactions: a test keeps it so.
/// A form post's idempotency key (<see cref="IdempotentPost"/>) is claimed first thing in the transaction, so a retried
/// post never does the change twice; when the strategy retries after a COMMIT whose answer was lost, it first asks
/// PostgreSQL whether that commit took effect and, if it did, answers with that attempt's response.
/// </summary>
/// <remarks>
/// A command that joins a caller's transaction (a job sending a command inside another, a test's own transaction)
/// runs directly in it: the outermost one owns the commit and the retry.
/// </remarks>
public sealed class TransactionBehaviour<TMessage, TResponse>(TrustFundDbContext db, DomainEventDispatcher events, IdempotentPost post)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage
{
    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next,
        CancellationToken cancellationToken)
    {
        if (message is not IBaseCommand) return await next(message, cancellationToken);
        if (db.Database.CurrentTransaction is not null) return await RunAsync(message, next, cancellationToken);

        var strategy = db.Database.CreateExecutionStrategy();
        var attempt = 0;
        TResponse? sentToCommit = default;
        return await strategy.ExecuteAsync(cancellationToken, async ct =>
        {
            if (++attempt > 1)
            {
                // A retry starts from what the database holds, not from the entities the failed attempt changed (the
                // first attempt keeps what the caller tracked: a page may have loaded its user before sending the command).
                db.ChangeTracker.Clear();
                // A form post's previous attempt may have committed with only the answer to its COMMIT lost: then that
                // attempt's response is the answer, and running the command again would do it twice.
                if (await post.WasCommittedAsync(ct)) return sentToCommit!;
            }
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            // The whole command commits or rolls back as one, so EF's savepoint around each SaveChanges buys nothing and
            // costs two round trips a command. A handler that goes on after a refused save makes its own savepoint.
            db.Database.AutoSavepointsEnabled = false;
            try
            {
                var response = await RunAsync(message, next, ct);
                sentToCommit = response;
                post.CommitSending();
                await transaction.CommitAsync(ct);
                return response;
            }
            catch
            {
                post.Release();
                throw;
            }
        });
    }

    private async ValueTask<TResponse> RunAsync(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken ct)
    {
        await post.ClaimAsync(ct);
        var response = await next(message, ct);
        await events.DispatchAsync(ct);
        await db.SaveChangesAsync(ct);
        return response;
    }
}
