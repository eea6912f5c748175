using Mediator;
using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Abstractions;
using TrustFund.Application.Authorization;
using TrustFund.Application.Data;
using TrustFund.Application.Identity;
using TrustFund.Domain.Calls;
using TrustFund.Domain.Common;

namespace TrustFund.Application.Features.Applications;

/// <summary>
/// What the applicant's eligibility questions need before a draft is started (see <see cref="StartApplication"/>): the
/// call, its thresholds, whether it is open, and the organisation's application to it if there already is one (then
/// there is nothing to ask: the page goes to it).
/// </summary>
public static class GetEligibilityQuestions
{
    [Authorize(Roles.Applicant, Scope = Scope.OwnOrganisation)]
    public sealed record Query(Guid CallId) : IQuery<Result>;

    public sealed record Result(Guid CallId, LocalizedText CallTitle, DateTimeOffset Deadline, string TimeZoneId, bool IsOpen,
        int MinYearsRegistered, DateOnly RegistrationCutOff, int MinYearsOfAssistance, Guid? ExistingApplicationId);

    public sealed class Handler(TrustFundDbContext db, ICurrentUser user, TimeProvider clock) : IQueryHandler<Query, Result>
    {
        public async ValueTask<Result> Handle(Query query, CancellationToken ct)
        {
            // A call not yet published is the secretariat's work in progress: unknown to applicants.
            var call = await db.Calls.AsNoTracking().SingleOrDefaultAsync(c => c.Id == query.CallId && c.Status != CallStatus.Draft, ct)
                ?? throw new NotFoundException("call", query.CallId);
            var existing = await db.Applications.Where(a => a.CallId == query.CallId && a.OrganisationId == user.OrganisationId)
                .Select(a => (Guid?)a.Id).SingleOrDefaultAsync(ct);
            return new Result(call.Id, call.Title, call.Deadline, call.TimeZoneId, call.IsOpenAt(clock.GetUtcNow()),
                call.Eligibility.MinYearsRegistered, call.RegistrationCutOff, call.Eligibility.MinYearsOfAssistance, existing);
        }
    }
}
