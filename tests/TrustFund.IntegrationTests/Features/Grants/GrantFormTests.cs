using System.Net;
using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Features.Grants;
using TrustFund.Application.Features.Payments;
using TrustFund.Application.Identity;
using TrustFund.Domain.Grants;
using TrustFund.IntegrationTests.Support;

namespace TrustFund.IntegrationTests.Features.Grants;

/// <summary>The grant agreement's edit form and the payments queue, posted through their pages as a fund manager or officer would.</summary>
public sealed class GrantFormTests(TrustFundAppFactory app) : GrantTest(app)
{
    /// <summary>The edit form as the manager fills it: the draft's budget as it is, a nine-month period, and the shares given.</summary>
    private async Task<List<KeyValuePair<string, string>>> AgreementFields(Guid grantId, params (string Percent, string Condition)[] instalments)
    {
        var draft = (await Query(new GetGrantAgreement.Query(grantId))).Grant;
        var fields = new List<KeyValuePair<string, string>>
        {
            new("Amount", "40000"), new("StartDate", Today.ToString("yyyy-MM-dd")), new("EndDate", Today.AddMonths(9).ToString("yyyy-MM-dd")),
        };
        for (var i = 0; i < draft.Budget.Count; i++)
        {
            fields.Add(new($"Budget[{i}].Category", draft.Budget[i].Category));
            fields.Add(new($"Budget[{i}].Description", draft.Budget[i].Description));
            fields.Add(new($"Budget[{i}].Amount", draft.Budget[i].Amount.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }
        for (var i = 0; i < instalments.Length; i++)
        {
            fields.Add(new($"Instalments[{i}].Percent", instalments[i].Percent));
            fields.Add(new($"Instalments[{i}].Condition", instalments[i].Condition));
        }
        return fields;
    }

    [Fact]
    public async Task EditAgreement_ManagerChangesTheScheduleBackAndForth_EverySaveIsKept()
    {
        await Fund(100_000);
        var grantId = await Agreement(40_000);
        var client = await SignedIn(await Manager());
        var url = $"/fund/grants/{grantId}/edit";

        // Refused: the shares add up to 90%; the page says so, with nothing from elsewhere.
        var refused = await PostPageForm(client, url, null, await AgreementFields(grantId, ("60", "OnSignature"), ("30", "AfterInterimReportsAccepted")));
        await AssertRefusedWith(refused, "they must add up to 100%.");

        // 60/40, then everything on signature (the interim reports go), then 60/40 again (they come back).
        foreach (var schedule in new[]
                 {
                     new[] { ("60", "OnSignature"), ("40", "AfterInterimReportsAccepted") },
                     new[] { ("100", "OnSignature") },
                     new[] { ("60", "OnSignature"), ("40", "AfterInterimReportsAccepted") },
                 })
        {
            var saved = await PostPageForm(client, url, null, await AgreementFields(grantId, schedule));
            Assert.True(saved.StatusCode == HttpStatusCode.Redirect, WebUtility.HtmlDecode(await saved.Content.ReadAsStringAsync()));
            var stored = (await Query(new GetGrantAgreement.Query(grantId))).Grant;
            Assert.Equal(schedule.Select(s => decimal.Parse(s.Item1)), stored.Instalments.Select(i => i.Percent));
            Assert.Equal(schedule.Length == 2, (await Reports(grantId)).Any(r => r.IsInterim));
        }
    }

    [Fact]
    public async Task EditAgreement_FormLoadedBeforeSomeoneElseSaved_IsRefusedAsAConflict()
    {
        await Fund(100_000);
        var grantId = await Agreement(40_000);
        var client = await SignedIn(await Manager());
        var url = $"/fund/grants/{grantId}/edit";
        var staleVersion = (await Query(new GetGrantAgreement.Query(grantId))).Version;
        var grant = (await Query(new GetGrantAgreement.Query(grantId))).Grant;
        await Send(new ChangeGrantAgreement.Command(grantId, 39_000, grant.StartDate, grant.EndDate, grant.Budget, grant.Instalments, null));

        var fields = await AgreementFields(grantId, ("100", "OnSignature"));
        fields.Add(new("Version", staleVersion.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        var refused = await PostPageForm(client, url, null, fields);

        await AssertRefusedWith(refused, "Someone else saved this record while you were editing it.");
        Assert.Equal(39_000m, (await Query(new GetGrantAgreement.Query(grantId))).Grant.Amount);
    }

    /// <summary>
    /// What an amendment changed reads in the manager's language, amounts and shares written as that language writes them;
    /// an amendment recorded before its terms were kept as values still shows its English record.
    /// </summary>
    [Theory]
    [InlineData("en", "amount USD 40,000.00 → USD 45,000.00; period", "budget reallocated")]
    [InlineData("fr", "montant 40\u202F000,00\u00A0USD → 45\u202F000,00\u00A0USD\u00A0; période", "budget réaffecté")]
    [InlineData("es", "importe 40.000,00\u00A0USD → 45.000,00\u00A0USD; período", "presupuesto reasignado")]
    public async Task Amendments_AreListedInTheManagersLanguage(string language, string amountAndPeriod, string budget)
    {
        await Fund(100_000);
        var manager = await Manager();
        var grantId = await SignedAgreement(manager, 40_000);
        var grant = (await Query(new GetGrantAgreement.Query(grantId))).Grant;
        await SendAs(manager, new ChangeGrantAgreement.Command(grantId, 45_000, grant.StartDate, grant.EndDate.AddMonths(1),
            [new("DirectAssistance", "Shelter and food", 43_000), new("OfficeRunningCosts", "Rent share", 2_000)], grant.Instalments, "More referrals"));
        await SendAs(manager, new ChangeGrantAgreement.Command(grantId, 45_000, grant.StartDate, grant.EndDate.AddMonths(2),
            [new("DirectAssistance", "Shelter and food", 43_000), new("OfficeRunningCosts", "Rent share", 2_000)], grant.Instalments, "Late start"));
        // The second as amendments were stored before: its English record only.
        await using (var db = App.NewDbContext())
            await db.Database.ExecuteSqlAsync($"UPDATE grant_agreements SET amendments = jsonb_set(amendments, '{{1}}', (amendments -> 1) - 'Terms') WHERE id = {grantId}");
        var client = await SignedIn(manager);
        await client.GetAsync($"/?culture={language}");

        var html = WebUtility.HtmlDecode(await client.GetStringAsync($"/fund/grants/{grantId}"));

        Assert.Contains(amountAndPeriod, html);
        Assert.Contains(budget, html);
        Assert.Contains("period " + (await Query(new GetGrantAgreement.Query(grantId))).Grant.Amendments[1].Changes.Split("period ")[1], html);
    }

    [Fact]
    public async Task SigningAndDisbursing_TellTheGrantee_OnceEach_InItsLanguage()
    {
        await Fund(100_000);
        var manager = await Manager();
        var grantId = await Agreement(40_000);
        await using (var db = App.NewDbContext())
        {
            var grant = await db.GrantAgreements.SingleAsync(g => g.Id == grantId);
            foreach (var grantee in await db.Users.Where(u => u.OrganisationId == grant.OrganisationId).ToListAsync()) grantee.PreferredLanguage = "es";
            await db.SaveChangesAsync();
        }

        await SendAs(manager, new SignGrantAgreement.Command(grantId));
        await Pay((await Payments(grantId))[0].Id, await Certifier(), await Approver(), "TT-77");

        await using var after = App.NewDbContext();
        var reference = (await after.GrantAgreements.SingleAsync(g => g.Id == grantId)).ReferenceNumber;
        Assert.Single(await after.OutboxEmails.Where(e => e.Subject == $"Acuerdo de subvención {reference} firmado").ToListAsync());
        var paid = Assert.Single(await after.OutboxEmails.Where(e => e.Subject == $"Pago enviado: subvención {reference}, pago 1").ToListAsync());
        Assert.Contains("TT-77", paid.TextBody);
    }

    [Fact]
    public async Task PaymentsPage_OffersEachOfficerOnlyTheirStep_AndARefusalShowsOnlyItsOwnMessage()
    {
        await Fund(100_000);
        var manager = await Manager();
        var grantId = await SignedAgreement(manager, 40_000);
        var payment = Assert.Single(await Payments(grantId));
        var both = await SignedIn(await CreateUser("both@unodc.test", [Roles.CertifyingOfficer, Roles.ApprovingOfficer], twoFactor: true));
        var approver = await SignedIn(await Approver());

        var certified = await PostPageForm(both, "/finance/payments", "Certify", [], containing: payment.Id.ToString());
        Assert.Equal("/finance/payments", LocationOf(certified));
        var page = WebUtility.HtmlDecode(await both.GetStringAsync("/finance/payments"));
        Assert.DoesNotContain("?handler=Approve", page);                     // not offered to the officer who certified it
        Assert.Contains("You certified this payment: another officer must approve it.", page);
        Assert.Contains("?handler=Approve", await approver.GetStringAsync("/finance/payments"));

        // Another officer approves; a disbursement without its bank reference is refused with that message only.
        var forged = await PostPageForm(approver, "/finance/payments", "Approve", [], containing: payment.Id.ToString());
        Assert.Equal("/finance/payments", LocationOf(forged));
        var disburseRefused = await PostPageForm(approver, "/finance/payments", "Disburse",
            [new("BankReference", "")], containing: payment.Id.ToString());
        await AssertRefusedWith(disburseRefused, "Enter the bank reference of the transfer.");
        Assert.Equal(PaymentStatus.Approved, (await Payments(grantId))[0].Status);
    }
}
