using System.Globalization;
using System.Net;
using CsCheck;
using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Features.Applications;
using TrustFund.Domain.Applications;
using TrustFund.Domain.Common;
using TrustFund.IntegrationTests.Support;

namespace TrustFund.IntegrationTests.Features.Applications;

/// <summary>
/// Generated hostile values (huge, negative, non-numeric, far dates, unknown codes, 100 KB, right-to-left, emoji,
/// markup) posted to every field of the applicant's forms, in English, French and Spanish. Whatever comes: never a
/// 5xx; a refusal is the page again with its messages in the page's language; what is accepted is within the bounds
/// and was readable (never zeroed); and the draft, its review step, its printable view and its PDF still open.
/// </summary>
public sealed class HostileInputPropertyTests(TrustFundAppFactory app) : ApplicationTest(app)
{
    private static readonly string[] HostileValues =
    [
        "2147483647", "-2147483648", "99999999999", "1000001", "-3", "-10", "0", "1e30", "NaN", "Infinity", "abc", "1.000,50",
        "10.005", "0001-01-01", "9999-12-31", "2027-13-45", "31/12/2027", "ZZ", "", " ", "<script>alert(1)</script>",
        "\"><img src=x onerror=alert(1)>", "مرحبا بالعالم", "שלום עולם", "👩‍👩‍👧‍👦🔥🇺🇳", "\u202Eevil\u202C", "null", "true",
        "' OR 1=1 --", "{0}", "%00", "Yachts", "SEXUAL_EXPLOITATION",
    ];

    internal static readonly Gen<string> Hostile = Gen.OneOf<string>(
        Gen.OneOf(HostileValues),
        Gen.Long.Select(n => n.ToString(CultureInfo.InvariantCulture)),
        Gen.Decimal.Select(d => d.ToString(CultureInfo.InvariantCulture)),
        Gen.Const(new string('x', 100_000)),
        Gen.Const(string.Concat(Enumerable.Repeat("عربي ", 20_000))));

    /// <summary>Every field of every applicant form, with the page it is posted to ({id}: the draft).</summary>
    internal static readonly (string Page, string Field, bool Numeric)[] Fields =
    [
        .. new[] { "LegalName", "CountryIso2", "RegistrationNumber", "UnppPartnerId", "ContactName", "ContactEmail" }
            .Select(f => ("/apply/{id}/organisation", "Organisation." + f, false)),
        .. new[] { "RegistrationDate", "YearsOfDirectAssistance", "IsNonProfit", "HasPseaPolicy", "BankAccountInOrganisationName" }
            .Select(f => ("/apply/{id}/organisation", "Organisation." + f, true)),
        .. new[] { "Title", "ImplementationCountryIso2", "Context", "Objectives", "Activities", "WorkPlan", "Risks", "SurvivorInvolvement" }
            .Select(f => ("/apply/{id}/project", "Project." + f, false)),
        ("/apply/{id}/project", "Project.StartDate", true), ("/apply/{id}/project", "Project.EndDate", true),
        ("/apply/{id}/beneficiaries", "B.SEXUAL_EXPLOITATION.Female.Adult", true), ("/apply/{id}/beneficiaries", "B.FORCED_LABOUR.Male.Child", true),
        ("/apply/{id}/budget", "Budget[0].Category", true), ("/apply/{id}/budget", "Budget[0].Description", false),
        ("/apply/{id}/budget", "Budget[0].Amount", true), ("/apply/{id}/budget", "Budget[1].Amount", true),
        ("/apply/{id}/declaration", "Declaration.Accepted", true), ("/apply/{id}/declaration", "Declaration.SignatoryName", false),
        ("/apply/{id}/declaration", "Declaration.SignatoryTitle", false), ("/apply/{id}/declaration", "Declaration.PartnersContribute", true),
        .. new[] { "LegalName", "CountryIso2", "RegistrationNumber", "UnppPartnerId", "BankName", "ContactName", "ContactEmail", "ContactPhone", "Address" }
            .Select(f => ("/apply/organisation", "Form." + f, false)),
        ("/apply/organisation", "Form.RegistrationDate", true), ("/apply/organisation", "Form.YearsOfDirectAssistance", true),
    ];

    /// <summary>English that must not reach a French or Spanish reader.</summary>
    private static readonly string[] EnglishFragments =
        ["field is required", "The value", "is not valid", "must be", "Attach the", "Enter a", "at most", "The length of", "is invalid"];

    [Fact]
    public async Task HostileValues_InEveryApplicantField_NeverBreakAPage_AndNeverStoreWhatIsOutOfBounds()
    {
        var call = await OpenCall();
        var (_, user) = await Ngo();
        await using (var db = App.NewDbContext())
            await db.Users.Where(u => u.Id == user.Id).ExecuteUpdateAsync(u => u.SetProperty(x => x.IsOrganisationAdmin, true));
        var id = await SendAs(user, new StartApplication.Command(call.Id));
        var clients = new Dictionary<string, HttpClient>();
        foreach (var language in new[] { "en", "fr", "es" })
        {
            clients[language] = await SignedIn(user);
            await clients[language].GetAsync($"/?culture={language}");
        }

        await Gen.Select(Gen.OneOf(Fields), Hostile, Gen.OneOf("en", "fr", "es")).SampleAsync(async (target, value, language) =>
        {
            var (page, field, numeric) = target;
            var client = clients[language];
            var url = page.Replace("{id}", id.ToString());
            var fields = new Dictionary<string, string> { [field] = value, ["go"] = "next" };
            if (field.StartsWith("Form.") && field != "Form.LegalName") (fields["Form.LegalName"], fields["Form.CountryIso2"]) = ("Casa Esperanza", "CO");
            if (field == "Form.CountryIso2") fields["Form.LegalName"] = "Casa Esperanza";
            // The page posts every line from the first (the binder reads a list from index 0 on), the first one empty here.
            if (field.StartsWith("Budget[1]")) (fields["Budget[0].Category"], fields["Budget[0].Description"], fields["Budget[0].Amount"]) = ("Travel", "", "");

            var response = await PostForm(client, url, fields);
            var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
            var what = $"{field} = {Shown(value)} in {language}";

            Assert.True((int)response.StatusCode < 500, $"{(int)response.StatusCode} for {what}");
            Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.Redirect, $"{(int)response.StatusCode} for {what}");
            if (response.StatusCode == HttpStatusCode.OK)
            {
                Assert.True(html.Contains("class=\"error-summary\""), $"refused without a message: {what}");
                if (language != "en")
                    foreach (var english in EnglishFragments)
                        Assert.False(ErrorSummary(html).Contains(english, StringComparison.Ordinal), $"English '{english}' in {language} for {what}: {ErrorSummary(html)}");
            }
            else if (numeric && value.Trim().Length > 0)
                Assert.True(Readable(value), $"accepted an unreadable value without a word: {what}");

            await AssertWithinBounds(what);
            foreach (var opens in new[] { $"/apply/{id}/review", $"/apply/{id}/view", "/apply/organisation" })
                Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(opens)).StatusCode);
            var pdf = await client.GetAsync($"/apply/{id}/summary.pdf");
            Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
            Assert.StartsWith("%PDF", System.Text.Encoding.ASCII.GetString((await pdf.Content.ReadAsByteArrayAsync())[..4]));
        }, iter: 60, threads: 1, print: s => $"{s.Item1.Field} = {Shown(s.Item2)} in {s.Item3}");
    }

    private async Task AssertWithinBounds(string what)
    {
        await using var db = App.NewDbContext();
        var draft = await db.Applications.AsNoTracking().SingleAsync();
        var organisation = await db.Organisations.AsNoTracking().SingleAsync();
        var countries = await db.Countries.Select(c => c.Iso2).ToListAsync();
        var forms = await db.FormsOfExploitation.Select(f => f.Code).ToListAsync();
        Assert.True(draft.Beneficiaries.All(b => InputLimits.IsPeopleCount(b.Count) && forms.Contains(b.FormOfExploitationCode)), $"beneficiaries after {what}");
        Assert.True(draft.Budget.Count <= InputLimits.MaxBudgetLines && draft.Budget.All(l => InputLimits.IsAmount(l.Amount) && Enum.IsDefined(l.Category)), $"budget after {what}");
        Assert.True(InputLimits.IsInDateWindow(draft.Project.StartDate) && InputLimits.IsInDateWindow(draft.Project.EndDate), $"project dates after {what}");
        Assert.True(InputLimits.IsInDateWindow(draft.Organisation.RegistrationDate) && InputLimits.IsInDateWindow(organisation.Profile.RegistrationDate), $"registration date after {what}");
        Assert.True(draft.Organisation.YearsOfDirectAssistance is >= 0 and <= 200 && organisation.Profile.YearsOfDirectAssistance is >= 0 and <= 200, $"years after {what}");
        foreach (var code in new[] { draft.Organisation.CountryIso2, draft.Project.ImplementationCountryIso2, organisation.CountryIso2 })
            Assert.True(string.IsNullOrEmpty(code) || countries.Contains(code), $"country {code} after {what}");
    }

    /// <summary>Whether a value posted to a number, date, choice or box field could be read as one.</summary>
    private static bool Readable(string value) =>
        decimal.TryParse(value, NumberStyles.Number, CultureInfo.InvariantCulture, out _)
        || DateOnly.TryParseExact(value.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _)
        || bool.TryParse(value, out _) || Enum.TryParse<BudgetCategory>(value, out _);

    private static string Shown(string value) => value.Length > 40 ? $"{value[..20]}… ({value.Length} characters)" : $"“{value}”";
}
