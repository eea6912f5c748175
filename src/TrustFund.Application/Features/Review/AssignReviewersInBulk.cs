using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Abstractions;
using TrustFund.Application.Authorization;
using TrustFund.Application.Data;
using TrustFund.Application.Identity;
using TrustFund.Domain.Review;

namespace TrustFund.Application.Features.Review;

/// <summary>
/// The secretariat gives reviewers to the applications it ticked, balanced over the call's whole workload, with the
/// conflict rules of every assignment (a declared conflict, or the system's pre-flags, keep a reviewer off).
/// <see cref="Preview"/> says, application by application, whom it would get and whom it skips and why, and how each
/// reviewer's load would change; <see cref="Command"/> does it (each assignment audited on its own).
/// </summary>
public static class AssignReviewersInBulk
{
    public interface IBulkAssignment
    {
        Guid CallId { get; }
        IReadOnlyList<Guid> ApplicationIds { get; }
        int ReviewersPerApplication { get; }
        bool IncludeTechnicalReviewers { get; }
    }

    [Authorize(Roles.FundManager)]
    public sealed record Preview(Guid CallId, IReadOnlyList<Guid> ApplicationIds, int ReviewersPerApplication, bool IncludeTechnicalReviewers)
        : IQuery<Result>, IBulkAssignment;

    [Authorize(Roles.FundManager)]
    public sealed record Command(Guid CallId, IReadOnlyList<Guid> ApplicationIds, int ReviewersPerApplication, bool IncludeTechnicalReviewers)
        : ICommand<Result>, IBulkAssignment;

    public enum Outcome
    {
        /// <summary>Gets the reviewers listed and then has enough.</summary>
        Assigned,

        /// <summary>Already has enough reviewers: nothing to add.</summary>
        AlreadyEnough,

        /// <summary>Not enough reviewers free of conflicts: gets those listed and still lacks some.</summary>
        Short,

        /// <summary>Not eligible for review (not screened eligible, or decided already), or not this call's.</summary>
        SkippedNotAssignable,
    }

    public sealed record Skipped(string Reviewer, Exclusion Why);

    public sealed record Item(Guid ApplicationId, string ReferenceNumber, string Organisation, string CountryIso2, Outcome Outcome,
        IReadOnlyList<string> AlreadyAssigned, IReadOnlyList<string> Added, IReadOnlyList<Skipped> SkippedReviewers, int Missing);

    public sealed record Result(IReadOnlyList<Item> Items, IReadOnlyDictionary<Guid, int> AddedPerReviewer)
    {
        public int Added => AddedPerReviewer.Values.Sum();
    }

    public sealed class Rules : AbstractValidator<IBulkAssignment>
    {
        public Rules()
        {
            RuleFor(x => x.ApplicationIds).NotEmpty().WithMessage("Tick at least one application.")
                .Must(ids => ids.Count <= 500).WithMessage("Assign at most 500 applications at once.");
            RuleFor(x => x.ReviewersPerApplication).InclusiveBetween(BalancedAssignment.MinimumReviewers, 5)
                .WithMessage("Choose between 2 and 5 reviewers per application.");
        }
    }

    public sealed class PreviewValidator : AbstractValidator<Preview>
    {
        public PreviewValidator() => Include(new Rules());
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => Include(new Rules());
    }

    public sealed class PreviewHandler(TrustFundDbContext db, TimeProvider clock) : IQueryHandler<Preview, Result>
    {
        public async ValueTask<Result> Handle(Preview query, CancellationToken ct) => (await PlanAsync(db, clock, query, ct)).Result;
    }

    public sealed class Handler(TrustFundDbContext db, TimeProvider clock, ICurrentUser user) : ICommandHandler<Command, Result>
    {
        public async ValueTask<Result> Handle(Command command, CancellationToken ct)
        {
            var (result, plan) = await PlanAsync(db, clock, command, ct);
            await AssignmentPlanning.ApplyAsync(db, user, clock, command.CallId, plan, ct);
            return result;
        }
    }

    private static async Task<(Result Result, BalancedAssignment.Plan Plan)> PlanAsync(TrustFundDbContext db, TimeProvider clock,
        IBulkAssignment request, CancellationToken ct)
    {
        if (!await db.Calls.AnyAsync(c => c.Id == request.CallId, ct)) throw new NotFoundException("call", request.CallId);
        var ids = request.ApplicationIds.Distinct().ToList();
        var planned = await AssignmentPlanning.PlanAsync(db, clock, request.CallId, db.Applications.Where(a => ids.Contains(a.Id)),
            request.ReviewersPerApplication, request.IncludeTechnicalReviewers, ct);
        var chosen = await (from a in db.Applications.AsNoTracking()
                            join o in db.Organisations on a.OrganisationId equals o.Id
                            where ids.Contains(a.Id) && a.CallId == request.CallId
                            select new { a.Id, a.ReferenceNumber, o.LegalName, o.CountryIso2 }).ToDictionaryAsync(a => a.Id, ct);
        var onIt = planned.Existing.ToLookup(e => e.ApplicationId, e => e.ReviewerId);
        var people = planned.Existing.Select(e => e.ReviewerId).Concat(planned.Reviewers.Select(r => r.UserId)).Distinct().ToList();
        var names = await db.Users.AsNoTracking().Where(u => people.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        var assignable = planned.Applicants.Select(a => a.ApplicationId).ToHashSet();

        var items = ids.Select(id =>
        {
            var row = chosen.GetValueOrDefault(id);
            var already = onIt[id].Select(r => names.GetValueOrDefault(r, "?")).Order(StringComparer.Ordinal).ToList();
            if (row is null || !assignable.Contains(id))
                return new Item(id, row?.ReferenceNumber ?? "", row?.LegalName ?? "", row?.CountryIso2 ?? "", Outcome.SkippedNotAssignable, already, [], [], 0);
            var added = planned.Plan.NewAssignments.Where(n => n.ApplicationId == id).Select(n => names[n.ReviewerId]).ToList();
            var skipped = planned.Reviewers.Where(r => !onIt[id].Contains(r.UserId))
                .Select(r => planned.Excluded(id, r.UserId) is { } why ? new Skipped(r.Name, why) : null).OfType<Skipped>().ToList();
            var missing = planned.Plan.Shortfalls.Where(s => s.ApplicationId == id).Sum(s => s.Missing);
            var outcome = missing > 0 ? Outcome.Short : added.Count > 0 ? Outcome.Assigned : Outcome.AlreadyEnough;
            return new Item(id, row.ReferenceNumber ?? "", row.LegalName, row.CountryIso2, outcome, already, added, skipped, missing);
        }).OrderBy(i => i.ReferenceNumber, StringComparer.Ordinal).ToList();
        var perReviewer = planned.Plan.NewAssignments.GroupBy(n => n.ReviewerId).ToDictionary(g => g.Key, g => g.Count());
        return (new Result(items, perReviewer), planned.Plan);
    }
}
