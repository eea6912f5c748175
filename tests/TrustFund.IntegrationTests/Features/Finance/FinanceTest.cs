using System.Net;
using System.Text.RegularExpressions;
using Mediator;
using Microsoft.Extensions.DependencyInjection;
using TrustFund.Application.Features.Contributions;
using TrustFund.Application.Features.ExchangeRates;
using TrustFund.Application.Identity;
using TrustFund.Domain.Donors;
using TrustFund.IntegrationTests.Support;

namespace TrustFund.IntegrationTests.Features.Finance;

/// <summary>
/// Helpers for the money tests. Dates are relative to the test clock and kept in the past (a value date cannot be in
/// the future): rates are set up for last month, so "this month" is reliably a month without rates.
/// </summary>
public abstract partial class FinanceTest(TrustFundAppFactory app) : IntegrationTest(app)
{
    protected DateOnly Today => DateOnly.FromDateTime(App.Clock.GetUtcNow().UtcDateTime);
    protected DateOnly ThisMonth => new(Today.Year, Today.Month, 1);
    protected DateOnly LastMonth => ThisMonth.AddMonths(-1);

    protected async Task<HttpClient> FundManager(string email = "manager@unodc.test") =>
        await SignedIn(await CreateUser(email, [Roles.FundManager], twoFactor: true));

    protected Task<Guid> Rate(string currency, DateOnly from, decimal unitsPerUsd) =>
        Send(new AddUnoreRate.Command(currency, from, unitsPerUsd));

    protected Task<Guid> Donor(string name = "Norway", DonorKind kind = DonorKind.MemberState, string? country = "NO") =>
        Send(new CreateDonor.Command(name, kind, country));

    protected Task<Guid> Pledge(Guid donorId, decimal amount, string currency, DateOnly on, string? earmark = null) =>
        Send(new RecordPledge.Command(donorId, amount, currency, on, earmark is not null, earmark));

    protected Task<RecordReceipt.Result> Receive(Guid pledgeId, decimal amount, string currency, DateOnly valueDate, string bankReference = "BANK-1") =>
        Send(new RecordReceipt.Command(pledgeId, amount, currency, valueDate, bankReference));

    /// <summary>Posts a file upload the way a browser does, with the page's antiforgery token.</summary>
    protected static async Task<HttpResponseMessage> PostFile(HttpClient client, string url, string field, string fileName, string content)
    {
        var html = await client.GetStringAsync(url);
        var token = Token().Match(html);
        Assert.True(token.Success, $"No antiforgery token on {url}");
        using var form = new MultipartFormDataContent();
        form.Add(new StringContent(WebUtility.HtmlDecode(token.Groups[1].Value)), "__RequestVerificationToken");
        form.Add(new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(content)), field, fileName);
        return await client.PostAsync(url, form);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
