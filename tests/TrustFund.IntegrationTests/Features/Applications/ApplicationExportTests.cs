using System.Text;
using TrustFund.Application.Features.Applications;
using TrustFund.Application.Identity;
using TrustFund.IntegrationTests.Support;

namespace TrustFund.IntegrationTests.Features.Applications;

public sealed class ApplicationExportTests(TrustFundAppFactory app) : ApplicationTest(app)
{
    [Fact]
    public async Task ExportApplications_AcrossCalls_FiltersByStatus_DefusesFormulas_AndSkipsDrafts()
    {
        var first = await OpenCall();
        var (_, colombia) = await Ngo();
        var (_, trick) = await Ngo("=HYPERLINK(\"http://evil\")", "SN", "x@evil.test");
        var eligible = await CompleteDraft(colombia, first.Id);
        await SendAs(colombia, new SubmitApplication.Command(eligible));
        // Next year's call: two calls of one window and year would hand out the same reference numbers (reported to the lead).
        App.Clock.Advance(TimeSpan.FromDays(366));
        var second = await OpenCall();
        await SendAs(trick, new SubmitApplication.Command(await CompleteDraft(trick, second.Id)));
        await CompleteDraft(colombia, second.Id); // a draft: never exported
        await Send(new DecideEligibility.Command(eligible, true, "Meets every criterion"));
        var manager = await SignedIn(await CreateUser("manager@unodc.test", [Roles.FundManager], twoFactor: true));

        var all = await manager.GetByteArrayAsync("/fund/exports?handler=Applications");
        var eligibleOnly = Lines(await manager.GetByteArrayAsync("/fund/exports?handler=Applications&Status=Eligible"));
        var targets = Lines(await manager.GetByteArrayAsync($"/fund/exports?handler=Beneficiaries&CallId={first.Id}"));

        Assert.Equal(Encoding.UTF8.GetPreamble(), all[..3]);
        var lines = Lines(all);
        Assert.Equal(3, lines.Length); // header + the two submitted applications, not the draft
        Assert.StartsWith("application_id,reference,call,window,organisation", lines[0]);
        Assert.Contains("\"'=HYPERLINK(\"\"http://evil\"\")\"", lines[2]); // a leading = is defused with a quote
        Assert.Equal(2, eligibleOnly.Length);
        Assert.Contains("Casa Esperanza", eligibleOnly[1]);
        Assert.Equal(3, targets.Length); // header + the two targets of the one application in the first call
        Assert.StartsWith("application_id,reference,call,organisation,country,status,sex,age_group", targets[0]);
        Assert.Contains("Female,Adult,SEXUAL_EXPLOITATION", targets[1]);
        Assert.EndsWith(",40", targets[1]);

        var applicant = await SignedIn(colombia);
        Assert.StartsWith("/account/access-denied", LocationOf(await applicant.GetAsync("/fund/exports?handler=Applications")));
    }

    private static string[] Lines(byte[] csv) => Encoding.UTF8.GetString(csv).TrimStart('\uFEFF').TrimEnd().Split("\r\n");
}
