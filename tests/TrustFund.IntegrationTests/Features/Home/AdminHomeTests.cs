using Microsoft.Extensions.DependencyInjection;
using TrustFund.Application.Identity;
using TrustFund.IntegrationTests.Features.Board;
using TrustFund.IntegrationTests.Support;

namespace TrustFund.IntegrationTests.Features.Home;

public sealed class AdminHomeTests(TrustFundAppFactory app) : BoardTest(app)
{
    [Fact]
    public async Task AdminHome_ListsTermsEndingWithoutSuccessor_AndStaffWithoutTwoFactor()
    {
        var today = BoardTestData.Today;
        var ending = await Trustee("ending@trustees.test");
        await Appointed(ending, "SN", start: today.AddYears(-3).AddDays(40), end: today.AddDays(40));
        var covered = await Trustee("covered@trustees.test");
        await Appointed(covered, "JP", start: today.AddYears(-2), end: today.AddDays(20));
        await Appointed(await Trustee("successor@trustees.test"), "JP", start: today.AddDays(20), end: today.AddYears(3));
        var noSecondFactor = await CreateUser("lax@unodc.test", [Roles.FundManager], twoFactor: false);
        await CreateUser("ngo@example.org", [Roles.Applicant], twoFactor: false);

        var html = await HomePage.Get(await Admin());

        Assert.Equal(1, HomePage.Count(html, "admin-terms"));
        Assert.Contains(">ending</a>", HomePage.List(html, "admin-terms"));
        Assert.DoesNotContain(">covered</a>", HomePage.List(html, "admin-terms"));
        Assert.Contains($"the term ends on {TrustFund.Web.Days.Long(today.AddDays(40))}", HomePage.List(html, "admin-terms"));
        Assert.Equal(1, HomePage.Count(html, "admin-two-factor"));
        Assert.Contains($"href=\"/admin/users?search={Uri.EscapeDataString(noSecondFactor.Email!)}\"", HomePage.List(html, "admin-two-factor"));
        Assert.DoesNotContain("ngo@example.org", html);
    }

    [Fact]
    public async Task AdminHome_ListsAFailedJob_LinkingToItOnTheJobsDashboard_InFrench()
    {
        await using var scope = App.Services.CreateAsyncScope();
        var jobs = scope.ServiceProvider.GetRequiredService<Hangfire.IBackgroundJobClient>();
        // Created far in the future, then failed directly in the storage: through the client, the retry filter would
        // turn the failure into a retry, as it does for a real job's first failures.
        var id = jobs.Create(Hangfire.Common.Job.FromExpression<TrustFund.Infrastructure.Jobs.CloseDueCallsJob>(j => j.Run(CancellationToken.None)),
            new Hangfire.States.ScheduledState(TimeSpan.FromDays(3650)));
        using (var connection = scope.ServiceProvider.GetRequiredService<Hangfire.JobStorage>().GetConnection())
        using (var transaction = connection.CreateWriteTransaction())
        {
            transaction.SetJobState(id, new Hangfire.States.FailedState(new InvalidOperationException("The database was restarting.")));
            transaction.Commit();
        }
        try
        {
            var html = await HomePage.Get(await Admin(), "fr");

            // The job storage outlives each test's reset: other tests' failures may be listed too.
            Assert.True(HomePage.Count(html, "admin-failed-jobs") >= 1);
            Assert.Contains("Tâches d’arrière-plan en échec", html);
            Assert.Contains($"href=\"/hangfire/jobs/details/{id}\">CloseDueCallsJob.Run: InvalidOperationException</a>", HomePage.List(html, "admin-failed-jobs"));
            Assert.Contains("href=\"/hangfire\"", html);
        }
        finally
        {
            Hangfire.BackgroundJobClientExtensions.Delete(jobs, id);
        }
    }
}
