using System.IO.Compression;
using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrustFund.Application.Finance;
using TrustFund.Application.Identity;
using TrustFund.Domain.Grants;
using TrustFund.Infrastructure.Jobs;
using TrustFund.IntegrationTests.OpenData;
using TrustFund.IntegrationTests.Support;

namespace TrustFund.IntegrationTests.Features.AuditorDossiers;

/// <summary>The auditor's dossier of a demo grant, asked for on its page, built by the background job, downloaded and opened.</summary>
public sealed class AuditorDossierTests(TrustFundAppFactory app) : IntegrationTest(app)
{
    [Fact]
    public async Task Dossier_OfTheColombianDemoGrant_HoldsEveryFileWithItsHash_AgreesWithTheJournal_AndIsTheSameTwice()
    {
        await DemoFund.SeedAsync(App);
        var grant = await Grant("Casa de Acogida Esperanza");
        var manager = await SignedIn(await CreateUser("manager@unodc.test", [Roles.FundManager], twoFactor: true));
        var page = $"/fund/grants/{grant.Id}/dossier";

        var first = await Request(manager, page);
        var waiting = await manager.GetStringAsync(page);
        Assert.Contains("0% gathered", waiting);
        Assert.Contains("http-equiv=\"refresh\"", waiting); // progress without script
        await RunJob(first);
        var second = await Request(manager, page);
        await RunJob(second);

        var ready = await manager.GetStringAsync(page);
        Assert.DoesNotContain("http-equiv=\"refresh\"", ready);
        var zip = await Download(manager, page, first);
        Assert.Equal(zip, await Download(manager, page, second)); // byte-identical
        await using var db = App.NewDbContext();
        var sha = Convert.ToHexStringLower(SHA256.HashData(zip));
        Assert.Equal(sha, (await db.AuditorDossiers.SingleAsync(d => d.Id == first)).Sha256);
        Assert.Contains(sha, ready);
        Assert.Contains(await db.AuditEntries.Where(a => a.EntityId == first.ToString()).Select(a => a.Changes).ToListAsync(), c => c.Contains(sha));

        using var archive = new ZipArchive(new MemoryStream(zip));
        var files = archive.Entries.ToDictionary(e => e.FullName, Read);
        using var manifest = JsonDocument.Parse(files["manifest.json"]);
        var listed = manifest.RootElement.GetProperty("files").EnumerateArray().ToList();
        Assert.Equal(files.Keys.Where(k => k != "manifest.json").Order(StringComparer.Ordinal), listed.Select(f => f.GetProperty("path").GetString()));
        foreach (var file in listed)
            Assert.Equal(file.GetProperty("sha256").GetString(), Convert.ToHexStringLower(SHA256.HashData(files[file.GetProperty("path").GetString()!])));
        Assert.StartsWith("%PDF", System.Text.Encoding.ASCII.GetString(files["01-application/summary.pdf"], 0, 4));
        foreach (var expected in new[] { "02-review/assessments.json", "02-review/conflict-declarations.json", "03-board/minutes-extract-and-votes.json",
                     "04-award/decision.json", "05-agreement/agreement.json", "05-agreement/amendments.json", "06-payments/payments.json",
                     "07-journal/journal-entries.csv", "08-reports/reports.json" })
            Assert.Contains(expected, files.Keys);

        // The figures agree with the journal: the manifest's sums, and the entries themselves.
        var balance = await db.GrantBalanceAsync(grant.Id, CancellationToken.None);
        var journal = manifest.RootElement.GetProperty("journal");
        Assert.Equal(balance.Disbursed, journal.GetProperty("disbursed").GetDecimal());
        Assert.Equal(balance.Obligated, journal.GetProperty("obligated").GetDecimal());
        var entries = await db.JournalEntries.Where(j => j.DocumentId == grant.Id).CountAsync();
        Assert.Equal(entries + 1, System.Text.Encoding.UTF8.GetString(files["07-journal/journal-entries.csv"]).TrimEnd().Split("\r\n").Length);
        // Every disbursed payment names its three officers.
        using var payments = JsonDocument.Parse(files["06-payments/payments.json"]);
        var disbursed = payments.RootElement.EnumerateArray().Where(p => p.GetProperty("status").GetString() == "Disbursed").ToList();
        Assert.NotEmpty(disbursed);
        Assert.All(disbursed, p =>
        {
            Assert.False(string.IsNullOrEmpty(p.GetProperty("certified").GetProperty("by").GetString()));
            Assert.False(string.IsNullOrEmpty(p.GetProperty("approved").GetProperty("by").GetString()));
            Assert.False(string.IsNullOrEmpty(p.GetProperty("disbursed").GetProperty("by").GetString()));
        });
        Assert.Equal(balance.Disbursed, disbursed.Sum(p => p.GetProperty("amountUsd").GetDecimal()));
        // Three trustees scored and voted on it: their assessments and votes are there.
        using var board = JsonDocument.Parse(files["03-board/minutes-extract-and-votes.json"]);
        Assert.NotEmpty(board.RootElement.EnumerateArray().SelectMany(b => b.GetProperty("votes").EnumerateArray()));
    }

    [Fact]
    public async Task Job_RunTwice_LeavesTheDossierAsItWas()
    {
        await DemoFund.SeedAsync(App);
        var grant = await Grant("Association Solidarité Femmes Sahel");
        var manager = await SignedIn(await CreateUser("manager@unodc.test", [Roles.FundManager], twoFactor: true));
        var id = await Request(manager, $"/fund/grants/{grant.Id}/dossier");

        await RunJob(id);
        await using var db = App.NewDbContext();
        var built = await db.AuditorDossiers.AsNoTracking().SingleAsync(d => d.Id == id);
        await RunJob(id);

        var again = await db.AuditorDossiers.AsNoTracking().SingleAsync(d => d.Id == id);
        Assert.Equal(DossierStatus.Ready, again.Status);
        Assert.Equal(built.Sha256, again.Sha256);
        Assert.Equal(built.CompletedAt, again.CompletedAt);
    }

    [Fact]
    public async Task Dossier_IsRefusedToAnyoneButTheFundManager()
    {
        await DemoFund.SeedAsync(App);
        var grant = await Grant("Casa de Acogida Esperanza");
        var certifier = await SignedIn(await CreateUser("certifier@unodc.test", [Roles.CertifyingOfficer], twoFactor: true));

        var response = await certifier.PostAsync($"/fund/grants/{grant.Id}/dossier", new FormUrlEncodedContent([]));

        Assert.True(response.StatusCode is HttpStatusCode.Forbidden
            || (response.StatusCode == HttpStatusCode.Redirect && LocationOf(response).StartsWith("/account/access-denied")), $"{(int)response.StatusCode}");
        await using var db = App.NewDbContext();
        Assert.Equal(0, await db.AuditorDossiers.CountAsync());
    }

    private static byte[] Read(ZipArchiveEntry entry)
    {
        using var stream = entry.Open();
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    private async Task<Guid> Request(HttpClient manager, string page)
    {
        var response = await PostForm(manager, page, []);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await using var db = App.NewDbContext();
        return await db.AuditorDossiers.OrderByDescending(d => d.RequestedAt).ThenByDescending(d => d.Id).Select(d => d.Id).FirstAsync();
    }

    /// <summary>What the Hangfire worker does with the queued job (the tests run no worker).</summary>
    private async Task RunJob(Guid dossierId)
    {
        await using var scope = App.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<AuditorDossierJob>().Build(dossierId, CancellationToken.None);
    }

    private static async Task<byte[]> Download(HttpClient manager, string page, Guid dossierId)
    {
        var response = await manager.GetAsync($"{page}?handler=Download&dossierId={dossierId}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/zip", response.Content.Headers.ContentType!.MediaType);
        return await response.Content.ReadAsByteArrayAsync();
    }

    private async Task<GrantAgreement> Grant(string grantee)
    {
        await using var db = App.NewDbContext();
        return await db.GrantAgreements.AsNoTracking().SingleAsync(g => g.Grantee == grantee);
    }

}
