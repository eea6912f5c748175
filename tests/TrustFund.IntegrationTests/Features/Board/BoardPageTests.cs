using System.Net;
using TrustFund.Application.Features.Board;
using TrustFund.Application.Identity;
using TrustFund.IntegrationTests.Support;

namespace TrustFund.IntegrationTests.Features.Board;

public sealed class BoardPageTests(TrustFundAppFactory app) : BoardTest(app)
{
    [Fact]
    public async Task BoardPage_ShowsTheSeatsByGroup_AVacancy_TheChair_TermsEndingSoon_AndTheFundManagerExOfficio()
    {
        var manager = await CreateUser("manager@unodc.test", [Roles.FundManager], twoFactor: true);
        var amina = await Trustee("amina@trustees.test");
        var hiroshi = await Trustee("hiroshi@trustees.test");
        var olena = await Trustee("olena@trustees.test");
        var lucia = await Trustee("lucia@trustees.test");
        var chair = await Appointed(amina, "SN");
        await Appointed(hiroshi, "JP", start: new DateOnly(2024, 1, 1), end: new DateOnly(2027, 1, 1)); // 40 days left
        await Appointed(olena, "UA", start: new DateOnly(2024, 2, 21), end: new DateOnly(2027, 2, 20)); // 90 days left
        await Appointed(lucia, "CO", start: new DateOnly(2024, 2, 22), end: new DateOnly(2027, 2, 21)); // 91 days left
        await Send(new DesignateChairperson.Command(2026, chair));

        var html = await (await SignedIn(manager)).GetStringAsync("/board");

        Assert.Contains("<dd>amina</dd>", html);
        Assert.Contains("Term ends in 40 days", html);
        Assert.Contains("Term ends in 90 days", html);
        Assert.DoesNotContain("Term ends in 91 days", html);
        Assert.Contains("4 of 5 · 1 seat vacant", html);
        Assert.Contains("Western European and other States</th>\n                <td><strong class=\"status warning\">Vacant seat</strong>", html.Replace("\r", ""));
        Assert.Contains("manager — Fund manager, ex officio, non-voting", html);
        Assert.Contains("Senegal", html);
        Assert.Contains("Term 1 of 2", html);
    }

    [Fact]
    public async Task BoardPage_ShowsRegionalGroupNamesInThePageLanguage()
    {
        await FullBoard();
        var trustee = await SignedIn(await Trustee("reader@trustees.test"));

        var french = await trustee.GetStringAsync("/board?culture=fr");
        var spanish = await trustee.GetStringAsync("/board?culture=es");

        Assert.Contains("Groupe des États d’Afrique", french);
        Assert.Contains("Conseil d’administration", french);
        Assert.Contains("Grupo de Estados de América Latina y el Caribe", spanish);
    }

    [Fact]
    public async Task BoardPage_ShowsASuccessorAlreadyAppointed()
    {
        var amina = await Trustee("amina@trustees.test");
        var fatou = await Trustee("fatou@trustees.test");
        await Appointed(amina, "SN", start: new DateOnly(2024, 1, 1), end: new DateOnly(2027, 1, 1));
        await Appointed(fatou, "SN", start: new DateOnly(2027, 1, 1));
        var admin = await Admin();

        var html = await admin.GetStringAsync("/board");

        Assert.Contains("Followed by fatou from 1 January 2027.", html);
        Assert.Contains("Manage appointments", html);
    }

    [Fact]
    public async Task BoardPage_ShowsARenewalAsSuch_NotAsASuccessor()
    {
        var amina = await Trustee("amina@trustees.test");
        await Send(new RenewTrusteeTerm.Command(await Appointed(amina, "SN")));
        var admin = await Admin();

        var html = await admin.GetStringAsync("/board");

        Assert.Contains("Renewed for a second term until 1 January 2032.", html);
        Assert.DoesNotContain("Followed by", html);
    }

    [Fact]
    public async Task BoardPage_IsNotForApplicants_NorForAnonymousVisitors()
    {
        var applicant = await SignedIn(await CreateUser("ngo@example.org", Roles.Applicant));
        Assert.StartsWith("/account/access-denied", LocationOf(await applicant.GetAsync("/board")));
        Assert.DoesNotContain("href=\"/board\"", await applicant.GetStringAsync("/"));

        Assert.StartsWith("/account/login", LocationOf(await NewClient().GetAsync("/board")));
    }

    [Fact]
    public async Task BoardPage_IsOpenToTrusteesFundManagersAndAdministrators_AndLinkedFromTheMenu()
    {
        foreach (var (email, role) in new[] { ("t@trustees.test", Roles.Trustee), ("m@unodc.test", Roles.FundManager), ("a@unodc.test", Roles.Admin) })
        {
            var client = await SignedIn(await CreateUser(email, [role], twoFactor: true));
            var response = await client.GetAsync("/board");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains("href=\"/board\"", await response.Content.ReadAsStringAsync());
        }
    }

    [Fact]
    public async Task BoardPage_WithNoTrusteeYet_ShowsFiveVacantSeats()
    {
        var admin = await Admin();
        var html = await admin.GetStringAsync("/board");
        Assert.Equal(5, html.Split("Vacant seat").Length - 1);
        Assert.Contains("No chairperson designated for 2026.", html);
    }
}
