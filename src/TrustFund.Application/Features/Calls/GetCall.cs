using Mediator;
using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Abstractions;
using TrustFund.Application.Authorization;
using TrustFund.Application.Data;
using TrustFund.Application.Features.Applications;
using TrustFund.Application.Identity;
using TrustFund.Domain.Calls;
using TrustFund.Domain.Common;

namespace TrustFund.Application.Features.Calls;

/// <summary>One call's public page. Drafts exist only for the secretariat; for anyone else they are not found.</summary>
public static class GetCall
{
    [AllowAnonymous]
    public sealed record Query(string Slug) : IQuery<Details>;

    public sealed record Details(Guid Id, string Slug, LocalizedText Title, LocalizedText Description, FundingWindow Window,
        decimal Envelope, decimal MinGrant, decimal MaxGrant, int MaxDurationMonths, DateTimeOffset Deadline,
        string TimeZoneId, DateTimeOffset QuestionDeadline, CallStatus Status, bool IsOpen, LocalizedText PriorityThemes,
        CallEligibility Eligibility, DateOnly RegistrationCutOff, IReadOnlyList<RubricCriterion> Rubric)
    {
        /// <summary>The names of the regional groups and of the countries a region-restricted call is open to.</summary>
        public IReadOnlyList<LocalizedText> OpenToRegionalGroupNames { get; init; } = [];

        public IReadOnlyList<LocalizedText> OpenToCountryNames { get; init; } = [];

        /// <summary>For an applicant signed in: whether the call is open to their organisation's country; null for anyone else.</summary>
        public bool? OpenToMe { get; init; }
    }

    public sealed class Handler(TrustFundDbContext db, ICurrentUser user, TimeProvider clock) : IQueryHandler<Query, Details>
    {
        public async ValueTask<Details> Handle(Query query, CancellationToken ct)
        {
            var call = await db.Calls.AsNoTracking().SingleOrDefaultAsync(c => c.Slug == query.Slug, ct);
            if (call is null || (call.Status == CallStatus.Draft && !user.IsInRole(Roles.FundManager)))
                throw new NotFoundException("call", query.Slug);
            var groups = call.Eligibility.OpenToRegionalGroups;
            var groupNames = await db.RegionalGroups.AsNoTracking().Where(g => groups.Contains(g.Code)).OrderBy(g => g.Code).Select(g => g.Name).ToListAsync(ct);
            var countries = call.Eligibility.OpenToCountries;
            var names = await db.Countries.AsNoTracking().Where(c => countries.Contains(c.Iso2)).OrderBy(c => c.Iso2).Select(c => c.Name).ToListAsync(ct);
            var mine = user.OrganisationId is { } organisation && call.Eligibility.IsRestrictedByRegion
                ? await db.OriginAsync(organisation, ct) : null;
            return new Details(call.Id, call.Slug, call.Title, call.Description, call.Window, call.Envelope, call.MinGrant,
                call.MaxGrant, call.MaxDurationMonths, call.Deadline, call.TimeZoneId, call.QuestionDeadline, call.Status,
                call.IsOpenAt(clock.GetUtcNow()), call.PriorityThemes, call.Eligibility, call.RegistrationCutOff, call.Rubric)
            {
                OpenToRegionalGroupNames = groupNames, OpenToCountryNames = names,
                OpenToMe = mine is { } from ? call.Eligibility.Admits(from.Country, from.RegionalGroup) : null,
            };
        }
    }
}
