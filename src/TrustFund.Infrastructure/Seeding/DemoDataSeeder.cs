using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrustFund.Application.Auditing;
using TrustFund.Application.Authorization;
using TrustFund.Application.Data;
using TrustFund.Application.Features.Board;
using TrustFund.Application.Features.Calls;
using TrustFund.Application.Features.Contributions;
using TrustFund.Application.Features.ExchangeRates;
using TrustFund.Application.Identity;
using TrustFund.Domain.Calls;
using TrustFund.Domain.Common;
using TrustFund.Domain.Donors;
using TrustFund.Domain.Organisations;

namespace TrustFund.Infrastructure.Seeding;

/// <summary>
/// Loads seeds/demo/demo.json (Development only). Everything is looked up by its natural key first, so a second
/// run changes nothing, not even the demo calls' deadlines.
/// </summary>
public sealed class DemoDataSeeder(TrustFundDbContext db, UserManager<ApplicationUser> users, AuditContext audit, TimeProvider clock, Mediator.IMediator mediator,
    IServiceScopeFactory scopes, ActingUser acting)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<IReadOnlyList<DemoAccount>> SeedAsync(string seedsDirectory, string password, CancellationToken ct = default)
    {
        audit.Action = "SeedDemoData";
        var demo = JsonSerializer.Deserialize<DemoFile>(await File.ReadAllTextAsync(Path.Combine(seedsDirectory, "demo", "demo.json"), ct), Json)
            ?? throw new InvalidOperationException("seeds/demo/demo.json is empty.");
        var now = clock.GetUtcNow();

        var organisations = await db.Organisations.ToDictionaryAsync(o => o.LegalName, ct);
        foreach (var o in demo.Organisations.Where(o => !organisations.ContainsKey(o.LegalName)))
        {
            var organisation = new Organisation(o.LegalName, o.Country, now);
            db.Organisations.Add(organisation);
            organisations[o.LegalName] = organisation;
        }
        // A profile is filled in once, when still empty: what an NGO later typed in its profile is never overwritten.
        foreach (var o in demo.Organisations.Where(o => o.Profile is not null && organisations[o.LegalName].Profile.RegistrationNumber is null))
            organisations[o.LegalName].UpdateProfile(o.LegalName, o.Country, o.Profile!.ToProfile());

        var donors = await db.Donors.Select(d => d.Name).ToListAsync(ct);
        foreach (var d in demo.Donors.Where(d => !donors.Contains(d.Name)))
            db.Donors.Add(new Donor(d.Name, Enum.Parse<DonorKind>(d.Kind), d.Country));

        var slugs = await db.Calls.Select(c => c.Slug).ToListAsync(ct);
        foreach (var c in demo.Calls)
        {
            var window = Enum.Parse<FundingWindow>(c.Window);
            var deadline = DeadlineAt(now.AddDays(c.DeadlineInDays), c.TimeZone);
            var slug = CallSlug.From(deadline.Year, window, c.TitleEn);
            // Re-seeding must not move an existing call's deadline: the same title in the same window is the same call.
            if (await db.Calls.AnyAsync(x => x.Window == window && x.Title.En == c.TitleEn, ct) || slugs.Contains(slug)) continue;
            var terms = new CallTerms(new LocalizedText(c.TitleEn, c.TitleFr, c.TitleEs),
                new LocalizedText(c.DescriptionEn, c.DescriptionFr, c.DescriptionEs), window, c.Envelope, c.MinGrant,
                c.MaxGrant, c.MaxDurationMonths, deadline, c.TimeZone, DeadlineAt(now.AddDays(c.QuestionDeadlineInDays), c.TimeZone));
            var call = new Call(slug, terms, now);
            call.Publish(now);
            db.Calls.Add(call);
        }
        await db.SaveChangesAsync(ct);

        var donorIds = await db.Donors.ToDictionaryAsync(d => d.Name, d => d.Id, ct);
        var accounts = new List<DemoAccount>();
        foreach (var u in demo.Users)
        {
            accounts.Add(new DemoAccount(u.Email, string.Join(", ", u.Roles)));
            if (await users.FindByEmailAsync(u.Email) is not null) continue;
            var user = new ApplicationUser
            {
                UserName = u.Email, Email = u.Email, EmailConfirmed = true, DisplayName = u.DisplayName,
                PreferredLanguage = u.Language, IsDemoAccount = true, CreatedAt = now,
                OrganisationId = u.Organisation is null ? null : organisations[u.Organisation].Id,
                DonorId = u.Donor is null ? null : donorIds[u.Donor],
            };
            IdentityFailure.ThrowIfFailed(await users.CreateAsync(user, password));
            IdentityFailure.ThrowIfFailed(await users.AddToRolesAsync(user, u.Roles));
        }
        await SeedBoard(demo, ct);
        await SeedFinances(demo, seedsDirectory, ct);
        await new DemoFundingCycle(db, users, new SeedUseCases(scopes), clock).SeedAsync(ct);
        return accounts;
    }

    /// <summary>The five demo trustees hold the five seats (one term ends within 90 days, to show the warning).</summary>
    private async Task SeedBoard(DemoFile demo, CancellationToken ct)
    {
        acting.AsSystem(); // appointing the demo board is the seed's own step, declared for the system
        foreach (var u in demo.Users.Where(u => u.Nationality is not null && u.TermStart is not null))
            await mediator.Send(new AppointTrusteeIfNotAppointed.Command(u.Email, u.Nationality!, DateOnly.Parse(u.TermStart!)), ct);
    }

    /// <summary>UNORE rates from the sample table, then the demo pledges and receipts, each looked up by its bank reference first.</summary>
    private async Task SeedFinances(DemoFile demo, string seedsDirectory, CancellationToken ct)
    {
        // Rates, pledges and receipts are the fund manager's to record: the demo's fund manager records them.
        var manager = await users.FindByEmailAsync(demo.Users.First(u => u.Roles.Contains(Roles.FundManager)).Email)
            ?? throw new InvalidOperationException("seeds/demo/demo.json has no fund manager.");
        acting.As(new SeedActor(manager.Id, manager.UserName, null, [Roles.FundManager]));
        if (!await db.UnoreRates.AnyAsync(ct))
            await mediator.Send(new ImportUnoreRates.Command(await File.ReadAllTextAsync(Path.Combine(seedsDirectory, "demo", "unore-sample.csv"), ct)), ct);
        foreach (var c in demo.Contributions)
        {
            var references = c.Receipts.Select(r => r.BankReference).ToList();
            if (await db.ContributionReceipts.AnyAsync(r => references.Contains(r.BankReference), ct)) continue;
            var donorId = await db.Donors.Where(d => d.Name == c.Donor).Select(d => d.Id).SingleAsync(ct);
            var pledgeId = await mediator.Send(new RecordPledge.Command(donorId, c.Amount, c.Currency, DateOnly.Parse(c.PledgedOn),
                c.Earmark is not null, c.Earmark), ct);
            foreach (var r in c.Receipts)
                await mediator.Send(new RecordReceipt.Command(pledgeId, r.Amount, c.Currency, DateOnly.Parse(r.ValueDate), r.BankReference), ct);
        }
    }

    /// <summary>Deadlines are announced as 23:59 local time in the call's zone, as real calls are.</summary>
    private static DateTimeOffset DeadlineAt(DateTimeOffset day, string timeZone)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(timeZone);
        var local = TimeZoneInfo.ConvertTime(day, zone).Date.AddHours(23).AddMinutes(59);
        return new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUniversalTime();
    }

    private sealed record DemoFile(List<DemoOrganisation> Organisations, List<DemoUser> Users, List<DemoDonor> Donors, List<DemoCall> Calls,
        List<DemoContribution> Contributions);
    private sealed record DemoContribution(string Donor, string Currency, decimal Amount, string PledgedOn, string? Earmark, List<DemoReceipt> Receipts);
    private sealed record DemoReceipt(decimal Amount, string ValueDate, string BankReference);
    private sealed record DemoOrganisation(string LegalName, string Country, DemoProfile? Profile);
    private sealed record DemoProfile(string RegistrationNumber, string RegistrationDate, string? UnppPartnerId, int YearsOfDirectAssistance,
        string ContactName, string ContactEmail)
    {
        public OrganisationProfile ToProfile() => new()
        {
            RegistrationNumber = RegistrationNumber, RegistrationDate = DateOnly.Parse(RegistrationDate), UnppPartnerId = UnppPartnerId,
            YearsOfDirectAssistance = YearsOfDirectAssistance, IsNonProfit = true, HasPseaPolicy = true, BankAccountInOrganisationName = true,
            ContactName = ContactName, ContactEmail = ContactEmail,
        };
    }
    private sealed record DemoUser(string Email, string DisplayName, string Language, List<string> Roles, string? Organisation,
        string? Donor = null, string? Nationality = null, string? TermStart = null);
    private sealed record DemoDonor(string Name, string Kind, string? Country);
    private sealed record DemoCall(string Window, string TitleEn, string? TitleFr, string? TitleEs, string DescriptionEn,
        string? DescriptionFr, string? DescriptionEs, decimal Envelope, decimal MinGrant, decimal MaxGrant, int MaxDurationMonths,
        int DeadlineInDays, int QuestionDeadlineInDays, string TimeZone);
}

public sealed record DemoAccount(string Email, string Roles);
