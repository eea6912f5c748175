using System.Globalization;
using Microsoft.Extensions.Localization;
using TrustFund.Application.Messaging;
using TrustFund.Domain.Common;
using TrustFund.Web.Localization;

namespace TrustFund.IntegrationTests.Localization;

/// <summary>
/// A count before its noun: one is singular everywhere; zero is plural in English and Spanish ("0 grants",
/// "0 subvenciones") but singular in French ("0 subvention"), as each language writes it.
/// </summary>
public sealed class CountedTextTests
{
    [Theory]
    [InlineData("en", 0, "0 grants")]
    [InlineData("en", 1, "1 grant")]
    [InlineData("en", 2, "2 grants")]
    [InlineData("fr", 0, "0 subvention")]
    [InlineData("fr", 1, "1 subvention")]
    [InlineData("fr", 2, "2 subventions")]
    [InlineData("es", 0, "0 subvenciones")]
    [InlineData("es", 1, "1 subvención")]
    [InlineData("es", 2, "2 subvenciones")]
    public void Plural_ChoosesTheTextTheLanguageWritesForTheCount(string language, int count, string expected)
    {
        var (culture, uiCulture) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(language);
            IStringLocalizer t = new JsonStringLocalizer();

            Assert.Equal(expected, t.Plural(count, "{0} grant", "{0} grants").Value);
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (culture, uiCulture);
        }
    }

    /// <summary>
    /// A notice is written in its reader's language when it is read, so it carries each count with both its texts: the
    /// board's reminder with no assessment left, one, and several, as its e-mail and the notification centre render it.
    /// </summary>
    [Theory]
    [InlineData("en", 0, "You have 0 assessments not yet completed and 0 ballots awaiting your vote.")]
    [InlineData("en", 1, "You have 1 assessment not yet completed and 1 ballot awaiting your vote.")]
    [InlineData("en", 3, "You have 3 assessments not yet completed and 3 ballots awaiting your vote.")]
    [InlineData("fr", 0, "Vous avez 0 évaluation non terminée et 0 scrutin en attente de votre vote.")]
    [InlineData("fr", 1, "Vous avez 1 évaluation non terminée et 1 scrutin en attente de votre vote.")]
    [InlineData("fr", 3, "Vous avez 3 évaluations non terminées et 3 scrutins en attente de votre vote.")]
    [InlineData("es", 0, "Tiene 0 evaluaciones sin completar y 0 votaciones pendientes de su voto.")]
    [InlineData("es", 1, "Tiene 1 evaluación sin completar y 1 votación pendiente de su voto.")]
    [InlineData("es", 3, "Tiene 3 evaluaciones sin completar y 3 votaciones pendientes de su voto.")]
    public void ANotice_CountsEachValueAsItsReadersLanguageDoes(string language, int count, string expected)
    {
        var reminder = new NoticeText("Before the board meets on {0:d}: {1}, {2}", "The board meets on {0:d}, in {3}. You have {1} and {2}.");
        var arguments = NoticeArguments.Serialise([new DateTime(2027, 3, 10),
            new Counted(count, "{0} assessment not yet completed", "{0} assessments not yet completed"),
            new Counted(count, "{0} ballot awaiting your vote", "{0} ballots awaiting your vote"),
            new Counted(count, "{0} day", "{0} days")]);

        var (subject, body) = NoticeArguments.Render(new CatalogueDocumentText(), language, reminder, arguments);

        Assert.EndsWith(expected, body);
        Assert.DoesNotContain("(s)", subject + body);
        Assert.DoesNotContain("(es)", subject + body);
    }
}
