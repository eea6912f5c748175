using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Features.Applications;
using TrustFund.Application.Features.Organisations;
using TrustFund.Application.Identity;
using TrustFund.IntegrationTests.Features.Applications;
using TrustFund.IntegrationTests.Support;

namespace TrustFund.IntegrationTests.Localization;

/// <summary>
/// The e-mails whose French text is written in the code rather than the catalogue (the receipt of a submission, the
/// confirmation of a registration, a colleague's invitation, a password reset) set : ; ? ! and « » off with U+00A0 as
/// the catalogue does (FrenchTypographyTests), so a mail reader never wraps a sign alone onto the next line.
/// </summary>
public sealed partial class FrenchEmailTypographyTests(TrustFundAppFactory app) : ApplicationTest(app)
{
    [Fact]
    public async Task TheReceiptOfASubmission_InFrench()
    {
        var call = await OpenCall();
        var (_, user) = await Ngo();
        await Speaks(user, "fr");
        var id = await CompleteDraft(user, call.Id);

        await SendAs(user, new SubmitApplication.Command(id));

        var body = await MailTo(user.Email!);
        Assert.Contains("Projet\u00A0: Safe shelter and legal aid in Cali", body);
        Assert.Matches("à l’appel «\u00A0[^«»]+\u00A0»", body);
        AssertSetOffAsFrenchDoes(body);
    }

    [Fact]
    public async Task TheConfirmationOfARegistration_InFrench()
    {
        var client = NewClient();
        await client.GetAsync("/register?culture=fr");

        await PostForm(client, "/register", new()
        {
            ["LegalName"] = "Association Refuge", ["CountryIso2"] = "SN", ["DisplayName"] = "Awa", ["Email"] = "awa@refuge.org",
            ["Password"] = "Refuge-Dakar-2027", ["Language"] = "fr",
        });

        var body = await MailTo("awa@refuge.org");
        Assert.Contains("ouvrez ce lien\u00A0:\n", body);
        AssertSetOffAsFrenchDoes(body);
    }

    [Fact]
    public async Task AColleaguesInvitation_InFrench()
    {
        var (_, admin) = await Ngo();
        await using (var db = App.NewDbContext())
        {
            (await db.Users.SingleAsync(u => u.Id == admin.Id)).IsOrganisationAdmin = true;
            await db.SaveChangesAsync();
        }

        await SendAs(admin, new InviteColleague.Command("moussa@esperanza.org", "Moussa", "fr"));

        var body = await MailTo("moussa@esperanza.org");
        Assert.Contains("(valable un jour)\u00A0:\n", body);
        Assert.Contains("«\u00A0Mot de passe oublié\u00A0?\u00A0»", body);
        AssertSetOffAsFrenchDoes(body);
    }

    [Fact]
    public async Task APasswordReset_InFrench()
    {
        var user = await CreateUser("awa@refuge.org", Roles.Applicant);
        await Speaks(user, "fr");

        await PostForm(NewClient(), "/account/forgot-password", new() { ["Email"] = "awa@refuge.org" });

        var body = await MailTo("awa@refuge.org");
        Assert.Contains("ignorez ce message\u00A0: votre mot de passe reste inchangé.", body);
        AssertSetOffAsFrenchDoes(body);
    }

    private async Task Speaks(ApplicationUser user, string language)
    {
        await using var db = App.NewDbContext();
        (await db.Users.SingleAsync(u => u.Id == user.Id)).PreferredLanguage = language;
        await db.SaveChangesAsync();
    }

    private async Task<string> MailTo(string address)
    {
        await using var db = App.NewDbContext();
        return (await db.OutboxEmails.SingleAsync(e => e.To == address)).TextBody;
    }

    private static void AssertSetOffAsFrenchDoes(string body) => Assert.DoesNotMatch(OrdinarySpaceAtASign(), body);

    [GeneratedRegex(" [:;?!»]|« ")]
    private static partial Regex OrdinarySpaceAtASign();
}
