using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Features.Contributions;
using TrustFund.Application.Features.Grants;
using TrustFund.Application.Features.Reports;
using TrustFund.Application.Identity;
using TrustFund.Domain.Common;
using TrustFund.Domain.Donors;
using TrustFund.Domain.Finance;
using TrustFund.Domain.Grants;
using TrustFund.IntegrationTests.Support;

namespace TrustFund.IntegrationTests.Features.Grants;

public sealed class EarmarkAllocationTests(TrustFundAppFactory app) : GrantTest(app)
{
    private const string Earmark = "Child victims in West Africa";

    /// <summary>A donor's earmarked pledge of USD 100,000 with <paramref name="received"/> received against it today.</summary>
    private async Task<(Guid DonorId, Guid PledgeId)> EarmarkedPledge(decimal received, string donor = "Kingdom of the Netherlands")
    {
        var donorId = await Send(new CreateDonor.Command(donor, DonorKind.MemberState, "NL"));
        var pledgeId = await Send(new RecordPledge.Command(donorId, 100_000, "USD", Today, true, Earmark));
        if (received > 0) await Send(new RecordReceipt.Command(pledgeId, received, "USD", Today, "NL-" + Guid.NewGuid().ToString()[..6]));
        return (donorId, pledgeId);
    }

    private async Task<List<EarmarkAllocation>> Allocations()
    {
        await using var db = App.NewDbContext();
        return await db.EarmarkAllocations.AsNoTracking().OrderBy(a => a.AllocatedAt).ToListAsync();
    }

    [Fact]
    public async Task AllocateEarmarkedFunds_UpToTheMoneyReceived_ThenOverAllocationIsRefused()
    {
        await Fund(100_000);
        var manager = await Manager();
        var grantId = await SignedAgreement(manager, 40_000);
        var (donorId, pledgeId) = await EarmarkedPledge(received: 30_000);

        await SendAs(manager, new AllocateEarmarkedFunds.Command(grantId, pledgeId, 20_000));
        var over = await Assert.ThrowsAsync<DomainException>(() =>
            SendAs(manager, new AllocateEarmarkedFunds.Command(grantId, pledgeId, 10_000.01m)));
        await SendAs(manager, new AllocateEarmarkedFunds.Command(grantId, pledgeId, 10_000));

        Assert.Equal("Only {0} received against this pledge is not yet allocated; {1} cannot be allocated.", over.Template);
        Assert.Equal([Money.InUsd(10_000m), Money.InUsd(10_000.01m)], over.Arguments);
        var pledge = Assert.Single((await Query(new GetDonor.Query(donorId))).Pledges);
        Assert.Equal((30_000m, 30_000m, 0m), (pledge.ReceivedUsd, pledge.AllocatedUsd, pledge.UnallocatedUsd));
        var funding = await Query(new GetGrantEarmarkFunding.Query(grantId));
        Assert.Equal(30_000m, funding.AllocatedUsd);
        Assert.DoesNotContain(funding.Options, o => o.PledgeId == pledgeId);   // nothing left to allocate
        Assert.Equal([20_000m, 10_000m], (await Allocations()).Select(a => a.UsdAmount));
        Assert.Equal("manager@unodc.test", (await Allocations())[0].AllocatedBy);
        var csv = System.Text.Encoding.UTF8.GetString((await Query(new ListGrants.ExportQuery(new ListGrants.Filter()))).Content).Split("\r\n");
        Assert.EndsWith(",earmarked_funding_usd", csv[0]);
        Assert.EndsWith(",30000.00", Assert.Single(csv, line => line.StartsWith(grantId.ToString(), StringComparison.Ordinal)));
    }

    [Fact]
    public async Task AllocateEarmarkedFunds_CountsReversedReceipts_AndAReversalCannotLeaveAllocationsUncovered()
    {
        await Fund(100_000);
        var manager = await Manager();
        var grantId = await SignedAgreement(manager, 40_000);
        var (_, pledgeId) = await EarmarkedPledge(received: 10_000);
        var mistake = await Send(new RecordReceipt.Command(pledgeId, 5_000, "USD", Today, "NL-WRONG"));
        await Send(new ReverseReceipt.Command(mistake.ReceiptId, "Booked twice"));

        var over = await Assert.ThrowsAsync<DomainException>(() => SendAs(manager, new AllocateEarmarkedFunds.Command(grantId, pledgeId, 10_000.01m)));
        await SendAs(manager, new AllocateEarmarkedFunds.Command(grantId, pledgeId, 8_000));
        var second = await Send(new RecordReceipt.Command(pledgeId, 3_000, "USD", Today, "NL-SECOND"));
        await SendAs(manager, new AllocateEarmarkedFunds.Command(grantId, pledgeId, 4_000));
        var reversal = await Assert.ThrowsAsync<DomainException>(() => Send(new ReverseReceipt.Command(second.ReceiptId, "Wrong pledge")));

        Assert.Equal([Money.InUsd(10_000m), Money.InUsd(10_000.01m)], over.Arguments);
        Assert.Equal([Money.InUsd(12_000m), Money.InUsd(10_000m)], reversal.Arguments);   // 12,000 allocated, 10,000 would remain received
        await using var db = App.NewDbContext();
        Assert.False((await db.ContributionReceipts.SingleAsync(r => r.Id == second.ReceiptId)).IsReversed);
    }

    [Fact]
    public async Task AllocateEarmarkedFunds_BeyondTheGrantAmount_IsRefused_AndSoIsAmendingTheGrantBelowItsAllocations()
    {
        await Fund(100_000);
        var manager = await Manager();
        var grantId = await SignedAgreement(manager, 40_000);
        var (_, first) = await EarmarkedPledge(received: 30_000, donor: "Netherlands");
        var (_, second) = await EarmarkedPledge(received: 30_000, donor: "Sweden");
        await SendAs(manager, new AllocateEarmarkedFunds.Command(grantId, first, 30_000));

        var over = await Assert.ThrowsAsync<DomainException>(() => SendAs(manager, new AllocateEarmarkedFunds.Command(grantId, second, 10_000.01m)));
        var grant = (await Query(new GetGrantAgreement.Query(grantId))).Grant;
        var amendment = await Assert.ThrowsAsync<DomainException>(() => SendAs(manager, new ChangeGrantAgreement.Command(grantId, 25_000,
            grant.StartDate, grant.EndDate, [new GrantBudgetLine("DirectAssistance", "Shelter", 25_000)], grant.Instalments, "Smaller project")));

        Assert.Equal("Only {0} of this grant is not yet funded from earmarked contributions; {1} cannot be allocated.", over.Template);
        Assert.Equal([Money.InUsd(10_000m), Money.InUsd(10_000.01m)], over.Arguments);
        Assert.Equal([Money.InUsd(30_000m), Money.InUsd(25_000m)], amendment.Arguments);
        Assert.Equal(40_000m, (await Query(new GetGrantAgreement.Query(grantId))).Grant.Amount);
    }

    [Fact]
    public async Task AllocateEarmarkedFunds_ToADraftGrant_OrFromAPledgeNotEarmarked_IsRefused()
    {
        await Fund(100_000);
        var manager = await Manager();
        var draft = await Agreement(40_000);
        var signed = await SignedAgreement(manager, 30_000);
        var (_, earmarked) = await EarmarkedPledge(received: 10_000);
        var donor = await Send(new CreateDonor.Command("Generous Foundation", DonorKind.Foundation, null));
        var general = await Send(new RecordPledge.Command(donor, 10_000, "USD", Today, false, null));
        await Send(new RecordReceipt.Command(general, 10_000, "USD", Today, "GF-1"));

        var toDraft = await Assert.ThrowsAsync<DomainException>(() => SendAs(manager, new AllocateEarmarkedFunds.Command(draft, earmarked, 1_000)));
        var notEarmarked = await Assert.ThrowsAsync<DomainException>(() => SendAs(manager, new AllocateEarmarkedFunds.Command(signed, general, 1_000)));

        Assert.Equal("Only a signed grant that is not closed can be funded from an earmarked contribution.", toDraft.Message);
        Assert.Equal("Only an earmarked pledge can be allocated to a grant.", notEarmarked.Message);
        Assert.Empty(await Allocations());
    }

    [Fact]
    public async Task AllocateEarmarkedFunds_TwoAtOnceForThePledgesLastDollars_ExactlyOnePasses()
    {
        await Fund(200_000);
        var managers = new[] { await Manager("first@unodc.test"), await Manager("second@unodc.test") };
        var grants = new[] { await SignedAgreement(managers[0], 40_000), await SignedAgreement(managers[0], 40_000) };
        var (_, pledgeId) = await EarmarkedPledge(received: 10_000);
        await SendAs(managers[0], new AllocateEarmarkedFunds.Command(grants[0], pledgeId, 4_000));

        for (var round = 0; round < 3; round++)
        {
            using var start = new SemaphoreSlim(0);
            var attempts = Enumerable.Range(0, 2).Select(i => Task.Run(async () =>
            {
                await start.WaitAsync();
                try { await SendAs(managers[i], new AllocateEarmarkedFunds.Command(grants[i], pledgeId, 6_000)); return true; }
                catch (DomainException) { return false; }
            })).ToList();
            start.Release(2);
            var outcomes = await Task.WhenAll(attempts);

            Assert.Equal(round == 0 ? 1 : 0, outcomes.Count(passed => passed));
        }
        var inForce = (await Allocations()).Where(a => !a.IsWithdrawn).ToList();
        Assert.Equal(10_000m, inForce.Sum(a => a.UsdAmount));
        Assert.Equal(2, inForce.Count);
    }

    [Fact]
    public async Task GrantPage_AllocatesAndWithdrawsThroughTheForms_WithTheReasonKeptAndAudited()
    {
        await Fund(100_000);
        var manager = await Manager();
        var grantId = await SignedAgreement(manager, 40_000);
        var (donorId, pledgeId) = await EarmarkedPledge(received: 15_000);
        var client = await SignedIn(manager);
        var url = $"/fund/grants/{grantId}";

        var page = await client.GetStringAsync(url);
        Assert.Contains("Funding from earmarked contributions", page);
        Assert.Contains("No earmarked contribution is allocated to this grant.", page);
        Assert.Contains($"value=\"{pledgeId}\"", page);

        var tooMuch = await PostForm(client, url + "?handler=Allocate", new() { ["PledgeId"] = pledgeId.ToString(), ["UsdAmount"] = "15000.01" }, url);
        Assert.Equal(HttpStatusCode.OK, tooMuch.StatusCode);
        Assert.Contains("Only USD 15,000.00 received against this pledge is not yet allocated", WebUtility.HtmlDecode(await tooMuch.Content.ReadAsStringAsync()));

        var allocated = await PostForm(client, url + "?handler=Allocate", new() { ["PledgeId"] = pledgeId.ToString(), ["UsdAmount"] = "12500.50" }, url);
        Assert.Equal(url, LocationOf(allocated));
        var allocation = Assert.Single(await Allocations());
        Assert.Equal(12_500.50m, allocation.UsdAmount);
        page = WebUtility.HtmlDecode(await client.GetStringAsync(url));
        Assert.Contains("Kingdom of the Netherlands", page);
        Assert.Contains("USD 12,500.50", page);
        Assert.Contains("data-confirm=\"Withdraw this allocation?", page);
        var donorPage = WebUtility.HtmlDecode(await client.GetStringAsync($"/fund/donors/{donorId}"));
        Assert.Contains("Received USD 15,000.00 · allocated to grants USD 12,500.50 · unallocated USD 2,499.50", donorPage);

        var noReason = await PostForm(client, url + $"?handler=WithdrawAllocation&allocationId={allocation.Id}", new() { ["Reason"] = "" }, url);
        Assert.Equal(HttpStatusCode.OK, noReason.StatusCode);
        var noReasonPage = await noReason.Content.ReadAsStringAsync();
        Assert.Contains("Give the reason for withdrawing the allocation.", noReasonPage);
        Assert.DoesNotContain("field is required", noReasonPage);   // only the use case's message, not the binder's for the page's other forms
        var withdrawn = await PostForm(client, url + $"?handler=WithdrawAllocation&allocationId={allocation.Id}",
            new() { ["Reason"] = "The donor asked for the Sahel project instead." }, url);

        Assert.Equal(url, LocationOf(withdrawn));
        allocation = Assert.Single(await Allocations());
        Assert.Equal(("manager@unodc.test", "The donor asked for the Sahel project instead."), (allocation.WithdrawnBy, allocation.WithdrawalReason));
        Assert.Contains("The donor asked for the Sahel project instead.", WebUtility.HtmlDecode(await client.GetStringAsync(url)));
        Assert.Equal(15_000m, Assert.Single((await Query(new GetDonor.Query(donorId))).Pledges).UnallocatedUsd);
        await using var db = App.NewDbContext();
        var audited = await db.AuditEntries.AsNoTracking().Where(a => a.EntityType == nameof(EarmarkAllocation)).ToListAsync();
        Assert.Equal(2, audited.Count);   // allocated, then withdrawn
        Assert.Empty(await db.JournalEntries.Where(j => j.DocumentId == allocation.Id).ToListAsync());   // a designation books nothing
    }

    [Fact]
    public async Task EarmarkAllocationForms_AreClosedToApplicantsAndDonors()
    {
        await Fund(100_000);
        var manager = await Manager();
        var grantId = await SignedAgreement(manager, 40_000);
        var (donorId, pledgeId) = await EarmarkedPledge(received: 15_000);
        var (_, ngoUser) = await Ngo("Another NGO", "CO", "someone@another.org");
        var donorUser = await CreateUser("treasury@minbuza.nl", Roles.Donor);
        await Send(new LinkDonorUser.Command(donorId, "treasury@minbuza.nl"));

        foreach (var user in new[] { ngoUser, donorUser })
        {
            var client = await SignedIn(user);
            var allocate = await client.PostAsync($"/fund/grants/{grantId}?handler=Allocate",
                new FormUrlEncodedContent(new Dictionary<string, string> { ["PledgeId"] = pledgeId.ToString(), ["UsdAmount"] = "100" }));
            var withdraw = await client.PostAsync($"/fund/grants/{grantId}?handler=WithdrawAllocation&allocationId={Guid.NewGuid()}",
                new FormUrlEncodedContent(new Dictionary<string, string> { ["Reason"] = "no" }));
            var view = await client.GetAsync($"/fund/grants/{grantId}");

            foreach (var response in new[] { allocate, withdraw, view })
            {
                Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
                Assert.StartsWith("/account/access-denied", LocationOf(response));
            }
        }
        Assert.Empty(await Allocations());
    }

    [Fact]
    public async Task IssueDonorStatement_ListsTheGrantsItsEarmarkedMoneyFunds_AsInForceAtThePeriodsEnd()
    {
        var year = Today.Year;
        await Fund(200_000);
        var manager = await Manager();
        var funded = await SignedAgreement(manager, 40_000);
        var withdrawnLater = await SignedAgreement(manager, 30_000);
        var withdrawnInPeriod = await SignedAgreement(manager, 30_000);
        var (donorId, pledgeId) = await EarmarkedPledge(received: 60_000);
        await SendAs(manager, new AllocateEarmarkedFunds.Command(funded, pledgeId, 12_345.67m));
        await SendAs(manager, new AllocateEarmarkedFunds.Command(funded, pledgeId, 1_000));
        await SendAs(manager, new AllocateEarmarkedFunds.Command(withdrawnLater, pledgeId, 5_000));
        await SendAs(manager, new AllocateEarmarkedFunds.Command(withdrawnInPeriod, pledgeId, 7_000));
        var references = new Dictionary<Guid, string>();
        foreach (var id in new[] { funded, withdrawnLater, withdrawnInPeriod })
            references[id] = (await Query(new GetGrantAgreement.Query(id))).Grant.ReferenceNumber;
        var allocations = await Allocations();
        await SendAs(manager, new WithdrawEarmarkAllocation.Command(withdrawnInPeriod, allocations[3].Id, "Wrong grant"));
        // Next year: one allocation withdrawn and a new one made, neither of which the statement for this year may reflect.
        App.Clock.SetUtcNow(new DateTimeOffset(year + 1, 2, 1, 9, 0, 0, TimeSpan.Zero));
        await SendAs(manager, new WithdrawEarmarkAllocation.Command(withdrawnLater, allocations[2].Id, "Reassigned"));
        await SendAs(manager, new AllocateEarmarkedFunds.Command(withdrawnInPeriod, pledgeId, 2_000));

        var issued = await SendAs(manager, new IssueDonorStatement.Command(donorId, new DateOnly(year, 1, 1), new DateOnly(year, 12, 31)));

        await using var db = App.NewDbContext();
        var report = await db.IssuedReports.SingleAsync(r => r.Id == issued.ReportId);
        var text = PdfText.AllWords(report.Content);
        var section = text[text.IndexOf("Grants funded from earmarked contributions", StringComparison.Ordinal)..];
        Assert.Contains(references[funded], section);
        Assert.Contains("NGO number 1", section);
        Assert.Contains("Colombia", section);
        Assert.Contains("13,345.67", section);     // the two allocations to the same grant, on one line
        Assert.Contains(references[withdrawnLater], section);
        Assert.DoesNotContain(references[withdrawnInPeriod], section);
        Assert.Contains((13_345.67m + 5_000m).ToString("N2", CultureInfo.InvariantCulture), section);
        Assert.DoesNotContain("none of this donor's earmarked contributions was allocated", section);
    }
}
