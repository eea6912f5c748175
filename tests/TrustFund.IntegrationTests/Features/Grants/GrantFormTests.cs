using System.Net;
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
