using System.Globalization;
using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Features.Reports;
using TrustFund.Domain.Applications;
using TrustFund.Domain.Finance;
using TrustFund.Application.Identity;
using TrustFund.Domain.Grants;
using TrustFund.IntegrationTests.Support;

namespace TrustFund.IntegrationTests.Features.Grants;

public sealed class AnnualReportGrantsTests(TrustFundAppFactory app) : GrantTest(app)
{
    [Fact]
    public async Task AnnualReport_ListsTheGrantsSignedInTheYear()
    {
        var manager = await Manager();
        await Fund(100_000);
        var grant = await SignedAgreement(manager, 40_000);
        await using var db = App.NewDbContext();
        var reference = (await db.GrantAgreements.SingleAsync(g => g.Id == grant)).ReferenceNumber;

        await SendAs(manager, new IssueAnnualReport.Command(App.Clock.GetUtcNow().Year));

        await using var after = App.NewDbContext();
        var pdf = (await after.IssuedReports.SingleAsync()).Content;
        var text = PdfText.WithoutSpaces(pdf);
        Assert.Contains(reference.Replace(" ", ""), text);
        Assert.Contains("40,000.00", text);
    }

    [Fact]
    public async Task AnnualReport_GrantsByRegionCountryAndWindow_AddUpToTheJournal_WithDisbursedPerGrant()
    {
        var manager = await FundedManagerOn15January2030();
        var colombia = await SignedAgreement(manager, 40_000, "CO");
        await SignedAgreement(manager, 50_000, "CO");
        await SignedAgreement(manager, 45_000, "SN");
        var first = (await Payments(colombia)).Single(); // the instalment due on signature, half the grant
        await Pay(first.Id, await Certifier(), await Approver());

        var text = await IssueAndRead(manager, 2030);

        // Each summary's total is the journal's obligations raised for the year's grants.
        await using var db = App.NewDbContext();
        var raised = (await db.JournalEntries.Where(j => j.DocumentType == GrantAgreement.DocumentType).ToListAsync())
            .Where(j => j.BalanceType == JournalEventType.ObligationRaised).Sum(j => j.UsdAmount);
        Assert.Equal(135_000m, raised);
        Assert.Equal(3, Occurrences(text, $"Total 3 {N(raised)} 100.0%")); // by regional group, by country, by window
        Assert.Contains("Latin American and Caribbean States 2 90,000.00 66.7%", text);
        Assert.Contains("African States 1 45,000.00 33.3%", text);
        Assert.Contains("Colombia 2 90,000.00 66.7%", text);
        Assert.Contains("Senegal 1 45,000.00 33.3%", text);
        Assert.Contains("SGP2 3 135,000.00 100.0%", text);
        // Implementation: the journal's disbursement on the first grant, its end date, no report due yet.
        var colombiaGrant = await db.GrantAgreements.SingleAsync(g => g.Id == colombia);
        Assert.Contains($"{colombiaGrant.ReferenceNumber} NGO number 1 (Colombia) Signed "
            + $"{colombiaGrant.EndDate.ToString("d MMM yyyy", CultureInfo.GetCultureInfo("en-GB"))} 20,000.00 0 / 0", text);
        Assert.Contains("Total 3 grants 20,000.00", text);
        Assert.Contains("No report was due by the date of this report.", text);
        // No narrative report accepted: the section says so instead of showing zeros.
        Assert.Contains("No narrative report due in 2030 has been accepted by the secretariat", text);
    }

    /// <summary>The French report said "1 subventions": a count of one takes the singular text in every language.</summary>
    [Theory]
    [InlineData("fr", "1 subvention", "1 subventions", "1 accord de subvention a été signé en 2030")]
    [InlineData("es", "1 subvención", "1 subvenciones", "En 2030 se firmó 1 acuerdo de subvención")]
    [InlineData("en", "1 grant", "1 grants", "1 grant agreement was signed in 2030")]
    public async Task AnnualReport_WithOneGrant_CountsItInTheSingular(string language, string one, string wrong, string signed)
    {
        var manager = await FundedManagerOn15January2030();
        await SignedAgreement(manager, 40_000, "CO");

        var text = await IssueAndRead(manager, 2030, language);

        Assert.Contains(signed, text);
        Assert.Contains(one + " ", text); // the implementation table's total
        Assert.DoesNotContain(wrong, text);
    }

    /// <summary>
    /// Amounts carry their ISO code where a reader of the language expects it, from the one formatter (Money), in the
    /// text and in the note alike: never "USD 40 000" in French nor "40,000 USD" in English.
    /// </summary>
    [Theory]
    [InlineData("fr", "pour un total de 40 000,00 USD.", "(jusqu’à 20 000 USD) ; SGP2 : assistance à moyen terme (de 20 000 USD à 60 000 USD).")]
    [InlineData("es", "por un total de 40.000,00 USD.", "(hasta 20.000 USD); SGP2: asistencia a medio plazo (de 20.000 USD a 60.000 USD).")]
    [InlineData("en", "for USD 40,000.00 in total.", "(up to USD 20,000); SGP2: medium-term assistance (USD 20,000 to USD 60,000).")]
    public async Task AnnualReport_WritesAmountsWithTheirCodeWhereTheLanguagePutsIt(string language, string total, string windows)
    {
        var manager = await FundedManagerOn15January2030();
        await SignedAgreement(manager, 40_000, "CO");

        // The words as read back, each no-break space (U+00A0 before the code, U+202F between French thousands) as a space.
        var text = (await IssueAndRead(manager, 2030, language)).Replace('\u00A0', ' ').Replace('\u202F', ' ');

        Assert.Contains(total, text);
        Assert.Contains(windows, text);
    }

    [Fact]
    public async Task AnnualReport_VictimsAssisted_CountsOnlyAcceptedNarrativeReportsDueInTheYear()
    {
        var manager = await FundedManagerOn15January2030();
        var accepted = await SignedAgreement(manager, 40_000, "CO");
        var submitted = await SignedAgreement(manager, 40_000, "SN");
        var sentBack = await SignedAgreement(manager, 40_000, "NG");
        // A 12-month grant starting in March 2030: its interim report is due in 2030, its final report in 2031.
        await Narrative(accepted, GrantReportKind.InterimNarrative, Counts(female: 7, male: 3, "CO"), r => r.Accept(Now, "manager"));
        await Narrative(accepted, GrantReportKind.FinalNarrative, Counts(female: 20, male: 9, "VE"), r => r.Accept(Now, "manager"));
        await Narrative(submitted, GrantReportKind.InterimNarrative, Counts(female: 500, male: 0, "SN"), _ => { });
        await Narrative(sentBack, GrantReportKind.InterimNarrative, Counts(female: 300, male: 1, "NG"), r => r.SendBack("Add the activities."));
        var dueIn2030 = (await Reports(accepted)).Single(r => r.Kind == GrantReportKind.InterimNarrative).DueOn;
        Assert.Equal(2030, dueIn2030.Year);
        Assert.True(dueIn2030 > DateOnly.FromDateTime(Now.UtcDateTime)); // accepted early: counted as due in the status table

        var year2030 = await IssueAndRead(manager, 2030);

        Assert.Contains("Victims assisted 10 Grants reporting 1 Accepted narrative reports 1", year2030);
        Assert.Contains("In all, 2 of 2 reports due are accepted.", year2030); // the grant's interim and final narrative reports
        Assert.Contains("Female 7 70.0% Male 3 30.0% Other 0 0.0% Total 10 100.0%", year2030);
        Assert.Contains("Child 0 0.0% Adult 10 100.0% Total 10 100.0%", year2030);
        Assert.Contains("Forced labour 10 100.0% Total 10 100.0%", year2030);
        Assert.Contains("Shelter 10 100.0% Legal aid 7 70.0%", year2030);
        Assert.Contains("Colombia 10 100.0% Total 10 100.0%", year2030);
        foreach (var excluded in new[] { "Senegal 500", "Nigeria 301", "Venezuela", "Female 20", "Female 27", "Female 507" })
            Assert.DoesNotContain(excluded, year2030);
        // The planned targets of the applications stay, as a labelled sub-section.
        Assert.Contains("Planned in applications received (targets)", year2030);

        // The final report is due in 2031: it belongs to that year's report, alone (the interim of 2030 is not added again).
        var year2031 = await IssueAndRead(manager, 2031);
        Assert.Contains("Victims assisted 29 Grants reporting 1", year2031);
        Assert.Contains("Venezuela (Bolivarian Republic of) 29 100.0%", year2031);
        Assert.DoesNotContain("Colombia 10", year2031);
    }

    private DateTimeOffset Now => App.Clock.GetUtcNow();

    /// <summary>15 January 2030: grants signed now start in March, so their interim reports fall due in 2030 and final ones in 2031.</summary>
    private async Task<ApplicationUser> FundedManagerOn15January2030()
    {
        App.Clock.SetUtcNow(new DateTimeOffset(2030, 1, 15, 9, 0, 0, TimeSpan.Zero));
        var manager = await Manager();
        await Fund(300_000);
        return manager;
    }

    private static NarrativeReport Counts(int female, int male, string nationality) => new(
        [new(nameof(Sex.Female), female), new(nameof(Sex.Male), male)],
        [new(nameof(AgeGroup.Adult), female + male)],
        [new(nationality, female + male)],
        [new("FORCED_LABOUR", female + male)],
        [new("SHELTER", female + male), new("LEGAL_AID", female)],
        "Shelter and legal aid as planned.", "", []);

    /// <summary>Saves the grantee's narrative report, hands it in, then moves it on as <paramref name="then"/> says.</summary>
    private async Task Narrative(Guid grantId, GrantReportKind kind, NarrativeReport content, Action<GrantReport> then)
    {
        await using var db = App.NewDbContext();
        var report = await db.GrantReports.SingleAsync(r => r.GrantId == grantId && r.Kind == kind);
        report.SaveNarrative(content);
        report.Submit(Now);
        then(report);
        await db.SaveChangesAsync();
    }

    private async Task<string> IssueAndRead(ApplicationUser manager, int year, string language = "en")
    {
        await SendAs(manager, new IssueAnnualReport.Command(year, Language: language));
        await using var db = App.NewDbContext();
        var pdf = (await db.IssuedReports.SingleAsync(r => r.Title.EndsWith(" " + year))).Content; // "Annual report 2030", "Rapport annuel 2030"
        return PdfText.AllWords(pdf);
    }

    private static int Occurrences(string text, string part)
    {
        var (count, at) = (0, 0);
        while ((at = text.IndexOf(part, at, StringComparison.Ordinal)) >= 0) (count, at) = (count + 1, at + part.Length);
        return count;
    }

    private static string N(decimal amount) => amount.ToString("N2", CultureInfo.InvariantCulture);
}
