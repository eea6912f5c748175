using Mediator;
using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Authorization;
using TrustFund.Application.Data;
using TrustFund.Application.Identity;
using TrustFund.Domain.Common;

namespace TrustFund.Application.Features.Board;

/// <summary>The choices of the appointment form: people holding the Trustee role, countries and regional groups.</summary>
public static class GetAppointmentOptions
{
    [Authorize(Roles.Admin)]
    public sealed record Query : IQuery<Result>;

    public sealed record Result(IReadOnlyList<Person> People, IReadOnlyList<CountryOption> Countries, IReadOnlyList<GroupOption> Groups);
    public sealed record Person(Guid Id, string Name, string Email);
    public sealed record CountryOption(string Iso2, LocalizedText Name, string? RegionalGroupCode);
    public sealed record GroupOption(string Code, LocalizedText Name);

    public sealed class Handler(TrustFundDbContext db) : IQueryHandler<Query, Result>
    {
        public async ValueTask<Result> Handle(Query query, CancellationToken ct)
        {
            var people = await db.Users.AsNoTracking()
                .Where(u => db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == Roles.Trustee)))
                .OrderBy(u => u.DisplayName).Select(u => new Person(u.Id, u.DisplayName, u.Email!)).ToListAsync(ct);
            var countries = await db.Countries.AsNoTracking().Select(c => new CountryOption(c.Iso2, c.Name, c.RegionalGroupCode)).ToListAsync(ct);
            var groups = await db.RegionalGroups.AsNoTracking().OrderBy(g => g.Code).Select(g => new GroupOption(g.Code, g.Name)).ToListAsync(ct);
            return new Result(people, countries, groups);
        }
    }
}
