using System.Net;
using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Features.Applications;
using TrustFund.Application.Features.Calls;
using TrustFund.Application.Identity;
using TrustFund.Domain.Common;
using TrustFund.IntegrationTests.Features.Applications;
using TrustFund.IntegrationTests.Support;

namespace TrustFund.IntegrationTests.Features.Calls;

/// <summary>A call open only to some regional groups and countries, as the fund's special windows have been.</summary>
public sealed class RegionRestrictedCallTests(TrustFundAppFactory app) : ApplicationTest(app)
{
    private ApplicationUser? manager;

    private async Task<HttpClient> Manager() =>
        await SignedIn(manager ??= await CreateUser("manager@unodc.test", [Roles.FundManager], twoFactor: true));

    /// <summary>A published call, created through its page, open to Asia-Pacific, Latin America and the Caribbean, and Nigeria.</summary>
    private async Task<(Guid Id, string Slug)> SpecialWindow()
    {
        var fields = CallTestData.Fields(CallTestData.Form(App.Clock.GetUtcNow()));
        fields["Form.OpenToCountries"] = " ng ";
        var created = await PostPageForm(await Manager(), "/fund/calls/new", null,
            fields.Concat([new("Form.OpenToRegionalGroups", "ASIA_PACIFIC"), new("Form.OpenToRegionalGroups", "GRULAC")]));
        var id = Guid.Parse(LocationOf(created).Split('/')[3]);
        await Send(new PublishCall.Command(id));
        await using var db = App.NewDbContext();
        return (id, (await db.Calls.SingleAsync(c => c.Id == id)).Slug);
    }

    [Fact]
    public async Task CreateCall_ForSomeRegions_IsStored_AndThePublicPageSaysWhoMayApply_InEveryLanguage()
    {
        var (id, slug) = await SpecialWindow();

        await using (var db = App.NewDbContext())
        {
            var eligibility = (await db.Calls.SingleAsync(c => c.Id == id)).Eligibility;
            Assert.Equal(["ASIA_PACIFIC", "GRULAC"], eligibility.OpenToRegionalGroups);
            Assert.Equal(["NG"], eligibility.OpenToCountries);
        }
        var visitor = NewClient();
        Assert.Contains("Only organisations registered in: Asia-Pacific States; Latin American and Caribbean States; Nigeria.",
            WebUtility.HtmlDecode(await visitor.GetStringAsync($"/calls/{slug}?culture=en")));
        Assert.Contains("Uniquement les organisations enregistrées dans\u00A0: Groupe des États d’Asie et du Pacifique\u00A0; Groupe des États d’Amérique latine et des Caraïbes\u00A0; Nigéria.",
            WebUtility.HtmlDecode(await visitor.GetStringAsync($"/calls/{slug}?culture=fr")));
        Assert.Contains("Solo organizaciones registradas en: Grupo de Estados de Asia y el Pacífico",
            WebUtility.HtmlDecode(await visitor.GetStringAsync($"/calls/{slug}?culture=es")));
        var edit = WebUtility.HtmlDecode(await (await Manager()).GetStringAsync($"/fund/calls/{id}/edit"));
        Assert.Contains("value=\"ASIA_PACIFIC\" checked=\"checked\"", edit);
        Assert.Contains("id=\"Form_OpenToCountries\" name=\"Form.OpenToCountries\" value=\"NG\"", edit);
    }

    [Fact]
    public async Task StartApplication_FromACountryTheCallDoesNotCover_IsRefusedInTheApplicantsLanguage_OthersMayStart()
    {
        var (id, slug) = await SpecialWindow();
        var (_, ukrainian) = await Ngo("Kyiv Network", "UA", "kyiv@ngo.test");
        var (_, thai) = await Ngo("Mekong Legal Aid", "TH", "mekong@ngo.test");
        var (_, nigerian) = await Ngo("Edo Safe Return", "NG", "edo@ngo.test");
        var kyiv = await SignedIn(ukrainian);

        var page = WebUtility.HtmlDecode(await kyiv.GetStringAsync($"/calls/{slug}?culture=fr"));
        var refused = await PostPageForm(kyiv, $"/apply/start/{id}", null, Applications.EligibilityCheckTests.Answers());

        Assert.Contains("Cet appel n’est ouvert qu’aux organisations des régions ou pays indiqués ci-dessous", page);
        Assert.DoesNotContain("/apply/start/", page);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Cet appel n’est ouvert qu’aux organisations des régions ou pays indiqués sur sa page, et votre organisation est enregistrée ailleurs.",
            WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()));
        foreach (var user in new[] { thai, nigerian })
        {
            var started = await PostPageForm(await SignedIn(user), $"/apply/start/{id}", null, Applications.EligibilityCheckTests.Answers());
            Assert.Matches("^/apply/[0-9a-f-]{36}$", LocationOf(started));
        }
        await using var db = App.NewDbContext();
        Assert.Equal(2, await db.Applications.CountAsync(a => a.CallId == id));
    }

    [Fact]
    public async Task SubmitApplication_AfterTheCallWasRestrictedToOtherRegions_IsRefused_AndTheDraftKept()
    {
        var call = await OpenCall();
        var (_, ukrainian) = await Ngo("Kyiv Network", "UA", "kyiv@ngo.test");
        var draft = await CompleteDraft(ukrainian, call.Id);
        var editing = await Query(new GetCallForEditing.Query(call.Id));
        await Send(new EditCall.Command(call.Id, editing.Version, editing.Form with { OpenToRegionalGroups = ["ASIA_PACIFIC"] }));

        var error = await Assert.ThrowsAsync<DomainException>(() => SendAs(ukrainian, new SubmitApplication.Command(draft)));

        Assert.Equal("This call is open only to organisations from the regions or countries listed on its page, and your organisation is registered elsewhere.", error.Message);
        await using var db = App.NewDbContext();
        Assert.Equal(TrustFund.Domain.Applications.ApplicationStatus.Draft, (await db.Applications.SingleAsync()).Status);
    }

    [Theory]
    [InlineData("XQ", "No country has the code XQ.")]
    [InlineData("NG, Nepal", "Give countries as two-letter ISO codes separated by commas, e.g. NP, UA.")]
    [InlineData("<script>", "Give countries as two-letter ISO codes separated by commas, e.g. NP, UA.")]
    public async Task CreateCall_WithAnUnknownOrMalformedCountry_IsRefusedNextToTheField_AndNothingSaved(string countries, string message)
    {
        var fields = CallTestData.Fields(CallTestData.Form(App.Clock.GetUtcNow()));
        fields["Form.OpenToCountries"] = countries;

        var refused = await PostForm(await Manager(), "/fund/calls/new", fields);

        var html = await AssertRefusedWith(refused, message);
        Assert.Contains("href=\"#Form_OpenToCountries\"", html);
        Assert.Contains($"name=\"Form.OpenToCountries\" value=\"{countries}\"", html);
        await using var db = App.NewDbContext();
        Assert.Equal(0, await db.Calls.CountAsync());
    }
}
