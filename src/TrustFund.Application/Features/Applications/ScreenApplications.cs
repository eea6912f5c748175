using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Abstractions;
using TrustFund.Application.Authorization;
using TrustFund.Application.Data;
using TrustFund.Application.Identity;
using TrustFund.Application.Validation;
using TrustFund.Domain.Applications;

namespace TrustFund.Application.Features.Applications;

/// <summary>
/// The secretariat screens several submitted applications of a call at once: each ticked one eligible or ineligible,
/// one message for all the eligible ones and one reason for all the ineligible ones. <see cref="Preview"/> says what
/// would happen to each (the confirmation page) without changing anything; <see cref="Command"/> does it, each
/// application through the same rule as <see cref="DecideEligibility"/> (its ApplicationDecided event tells each applicant through
/// <see cref="ApplicantDecisionNotice"/>), so each is audited and told on its own.
/// Only applications still waiting to be screened are decided: one screened meanwhile (by a colleague, on its own
/// page) is skipped and listed as such, never decided a second time by a bulk form loaded before.
/// </summary>
public static class ScreenApplications
{
    public sealed record Decision(Guid ApplicationId, bool Eligible);

    /// <summary>What the form carries, for the rules both requests share.</summary>
    public interface IScreening
    {
        Guid CallId { get; }
        IReadOnlyList<Decision> Decisions { get; }
        string EligibleMessage { get; }
        string IneligibleReason { get; }
    }

    [Authorize(Roles.FundManager)]
    public sealed record Preview(Guid CallId, IReadOnlyList<Decision> Decisions, string EligibleMessage, string IneligibleReason)
        : IQuery<Result>, IScreening;

    [Authorize(Roles.FundManager)]
    public sealed record Command(Guid CallId, IReadOnlyList<Decision> Decisions, string EligibleMessage, string IneligibleReason)
        : ICommand<Result>, IScreening;

    public enum Outcome
    {
        Eligible,
        Ineligible,

        /// <summary>No longer waiting to be screened (decided meanwhile, withdrawn).</summary>
        SkippedAlreadyScreened,

        /// <summary>Not an application of this call (or none at all).</summary>
        SkippedNotInCall,
    }

    public sealed record Item(Guid ApplicationId, string ReferenceNumber, string Organisation, string CountryIso2, ApplicationStatus Status,
        Outcome Outcome);

    public sealed record Result(IReadOnlyList<Item> Items)
    {
        public int Decided => Items.Count(i => i.Outcome is Outcome.Eligible or Outcome.Ineligible);
        public int Skipped => Items.Count - Decided;
    }

    /// <summary>The rules of the form, checked before the preview as before the change.</summary>
    public sealed class Rules : AbstractValidator<IScreening>
    {
        public const int MaxApplications = 500;

        public Rules()
        {
            RuleFor(x => x.Decisions).NotEmpty().WithMessage("Choose eligible or ineligible for at least one application.")
                .Must(d => d.Count <= MaxApplications).WithMessage("Screen at most 500 applications at once.");
            RuleFor(x => x.EligibleMessage).NotEmpty().When(x => x.Decisions.Any(d => d.Eligible))
                .WithMessage("Write the message the eligible applicants will read.");
            RuleFor(x => x.EligibleMessage).AtMost(2000, "Message to the eligible applicants");
            RuleFor(x => x.IneligibleReason).NotEmpty().When(x => x.Decisions.Any(d => !d.Eligible))
                .WithMessage("Give the reason the ineligible applicants will read.");
            RuleFor(x => x.IneligibleReason).AtMost(2000, "Reason for the ineligible applicants");
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

    public sealed class PreviewHandler(TrustFundDbContext db) : IQueryHandler<Preview, Result>
    {
        public async ValueTask<Result> Handle(Preview query, CancellationToken ct) =>
            new(Plan(query, await Rows(db, query, db.Applications.AsNoTracking(), ct)).Select(p => p.Item).ToList());
    }

    public sealed class Handler(TrustFundDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<Command, Result>
    {
        public async ValueTask<Result> Handle(Command command, CancellationToken ct)
        {
            var plan = Plan(command, await Rows(db, command, db.Applications, ct));
            var now = clock.GetUtcNow();
            foreach (var (item, application) in plan)
            {
                if (application is null || item.Outcome is not (Outcome.Eligible or Outcome.Ineligible)) continue;
                var eligible = item.Outcome == Outcome.Eligible;
                var said = eligible ? command.EligibleMessage : command.IneligibleReason;
                application.DecideEligibility(eligible, said, now, user.UserName);
            }
            return new Result(plan.Select(p => p.Item).ToList());
        }
    }

    private sealed record Row(GrantApplication Application, string Organisation, string CountryIso2);

    /// <summary>The chosen applications of the call with their organisations, tracked for the command (their version guards a concurrent decision), read-only for the preview.</summary>
    private static async Task<Dictionary<Guid, Row>> Rows(TrustFundDbContext db, IScreening screening, IQueryable<GrantApplication> applications,
        CancellationToken ct)
    {
        var ids = screening.Decisions.Select(d => d.ApplicationId).Distinct().ToList();
        return await (from a in applications
                      join o in db.Organisations on a.OrganisationId equals o.Id
                      where ids.Contains(a.Id) && a.CallId == screening.CallId
                      select new Row(a, o.LegalName, o.CountryIso2)).ToDictionaryAsync(r => r.Application.Id, ct);
    }

    private static List<(Item Item, GrantApplication? Application)> Plan(IScreening screening, Dictionary<Guid, Row> rows) =>
        screening.Decisions.DistinctBy(d => d.ApplicationId).Select<Decision, (Item Item, GrantApplication? Application)>(d =>
        {
            if (!rows.TryGetValue(d.ApplicationId, out var row))
                return (new Item(d.ApplicationId, "", "", "", ApplicationStatus.Draft, Outcome.SkippedNotInCall), null);
            var a = row.Application;
            var outcome = a.Status != ApplicationStatus.Submitted ? Outcome.SkippedAlreadyScreened
                : d.Eligible ? Outcome.Eligible : Outcome.Ineligible;
            return (new Item(a.Id, a.ReferenceNumber ?? "", row.Organisation, row.CountryIso2, a.Status, outcome), a);
        }).OrderBy(p => p.Item.ReferenceNumber, StringComparer.Ordinal).ToList();
}
