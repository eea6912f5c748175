using Microsoft.Playwright;

namespace TrustFund.BrowserTests.Support;

/// <summary>The eligibility questions before a draft (/apply/start/{call}), answered as an eligible NGO would.</summary>
public static class EligibilityQuestions
{
    private static readonly string[] Questions =
        ["NonProfitRegisteredInCountry", "RegisteredLongEnough", "AssistsVictimsLongEnough", "BankAccountInOrganisationName", "HasPseaMeasures", "DirectlyResponsible"];

    /// <summary>Ticks "yes" to every question and sends the form, which starts the draft.</summary>
    public static async Task AnswerYesToAllAndStart(IPage page)
    {
        foreach (var question in Questions) await page.Locator($"#{question}").CheckAsync();
        await page.Locator("main form button[type=submit]").ClickAsync();
    }
}
