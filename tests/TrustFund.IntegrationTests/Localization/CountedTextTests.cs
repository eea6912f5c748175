using System.Globalization;
using Microsoft.Extensions.Localization;
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
}
