using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Data;
using TrustFund.Domain.Common;

namespace TrustFund.Infrastructure.Jobs;

/// <summary>
/// Forgets the answers kept for retried form posts once they are a day old (FormAnswer.KeptFor): a retry comes within
/// seconds or minutes, and a browser restoring its tabs the next morning renders its forms again with new keys.
/// Housekeeping of a technical table, not a use case, so it deletes directly instead of sending a command.
/// </summary>
public sealed class ForgetFormAnswersJob(TrustFundDbContext db, TimeProvider clock)
{
    public const string RecurringId = "forget-form-answers";

    public async Task Run(CancellationToken ct)
    {
        var before = clock.GetUtcNow() - FormAnswer.KeptFor;
        await db.FormAnswers.Where(a => a.CreatedAt < before).ExecuteDeleteAsync(ct);
    }
}
