using System.Collections.Concurrent;
using System.Net;
using Microsoft.EntityFrameworkCore;
using TrustFund.Domain.Applications;
using TrustFund.IntegrationTests.Features.Applications;
using TrustFund.IntegrationTests.Support;

namespace TrustFund.IntegrationTests.Hosting;

/// <summary>
/// The test run's own PostgreSQL is stopped and started again under the application, as a restart or fail-over does in
/// production: every request still gets a definite answer (done, or 503 "try again" with Retry-After), and what was
/// acknowledged is stored exactly once.
/// </summary>
public sealed partial class DatabaseFaultTests(TrustFundAppFactory app) : ApplicationTest(app)
{
    [Fact]
    public async Task DatabaseDown_PagesAnswer503InTheReadersLanguage_TheApiProblemDetails_AndServiceResumesAfterwards()
    {
        var client = NewClient();

        App.StopDatabase();
        HttpResponseMessage page, api;
        try
        {
            page = await client.GetAsync("/?culture=fr");
            api = await client.GetAsync("/api/v1/calls");
        }
        finally
        {
            App.StartDatabase();
        }

        Assert.Equal(HttpStatusCode.ServiceUnavailable, page.StatusCode);
        Assert.True(page.Headers.RetryAfter?.Delta > TimeSpan.Zero, "the page says when to try again");
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("<html lang=\"fr\">", html);
        Assert.Contains("La dernière version que vous avez enregistrée est en sécurité.", html);
        Assert.DoesNotContain("Exception", html);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, api.StatusCode);
        Assert.Equal("application/problem+json", api.Content.Headers.ContentType?.MediaType);
        Assert.NotNull(api.Headers.RetryAfter);
        Assert.Contains("\"status\":503", await api.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task DatabaseRestart_DuringABurstOfSubmissions_EveryClientGetsADefiniteAnswer_NoneLostNoneDoubled()
    {
        const int applicants = 16;
        var call = await OpenCall();
        var forms = new List<(Guid Id, HttpClient Client, (string Action, List<KeyValuePair<string, string>> Fields) Form)>();
        for (var i = 0; i < applicants; i++)
        {
            var (_, user) = await Ngo($"NGO {i}", "CO", $"ngo{i}@example.org");
            var id = await CompleteDraft(user, call.Id);
            var client = await SignedIn(user);
            // The form is loaded before the fault, as the applicants' browsers had it open: its antiforgery token and its
            // idempotency key, which every resend carries again, as a browser resending the form does.
            forms.Add((id, client, await PageForm(client, $"/apply/{id}/review", "Submit", [])));
        }
        Assert.All(forms, f => Assert.Contains(f.Form.Fields, field => field.Key == "__IdempotencyKey"));

        var answers = new ConcurrentBag<(Guid Id, HttpStatusCode Status, bool RetryAfter)>();
        var databaseStopped = new TaskCompletionSource();
        var databaseBack = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        // The first quarter submit at once: the database is stopped as soon as two of them have their answer, so the
        // others are in flight when it stops. The rest arrive while it is down and keep retrying until it is back.
        var early = applicants / 4;
        var burst = forms.Select((form, i) => Task.Run(async () =>
        {
            if (i >= early) await databaseStopped.Task;
            for (var attempt = 0; attempt < 200; attempt++)
            {
                using var response = await form.Client.PostAsync(form.Form.Action, new FormUrlEncodedContent(form.Form.Fields));
                answers.Add((form.Id, response.StatusCode, response.Headers.RetryAfter is not null));
                if (response.StatusCode != HttpStatusCode.ServiceUnavailable) return;
                // A client honouring Retry-After comes back later: here, once the database is back, not after a guessed time.
                await databaseBack.Task;
            }
        })).ToList();
        await Until(() => answers.Count >= 2, "two early submissions answered");
        App.StopDatabase();
        try
        {
            databaseStopped.SetResult();
            // The outage lasts until every late client has been told to come back later.
            await Until(() => forms.Skip(early).All(f => answers.Any(a => a.Id == f.Id && a.Status == HttpStatusCode.ServiceUnavailable)),
                "every late client answered 503 while the database is down");
        }
        finally
        {
            App.StartDatabase();
            databaseBack.SetResult();
        }
        await Task.WhenAll(burst);

        Assert.All(answers, a => Assert.True(
            a.Status == HttpStatusCode.Redirect || (a.Status == HttpStatusCode.ServiceUnavailable && a.RetryAfter),
            $"{a.Id}: {(int)a.Status}{(a.RetryAfter ? " with" : " without")} Retry-After"));
        Assert.All(forms, f => Assert.True(answers.Any(a => a.Id == f.Id && a.Status == HttpStatusCode.Redirect),
            $"{f.Id} never got through: {string.Join(", ", answers.Where(a => a.Id == f.Id).Select(a => (int)a.Status))}"));
        await using var db = App.NewDbContext();
        var stored = await db.Applications.Select(a => new { a.Status, a.ReferenceNumber }).ToListAsync();
        Assert.Equal(applicants, stored.Count(a => a.Status == ApplicationStatus.Submitted));
        Assert.Equal(applicants, stored.Select(a => a.ReferenceNumber).Distinct().Count());
        Assert.Equal(applicants, await db.OutboxEmails.CountAsync(e => e.DeduplicationKey!.StartsWith("application-receipt:")));
    }

    /// <summary>
    /// The commit of a submission reaches PostgreSQL but its answer is lost on the way back (the connection breaks after
    /// COMMIT was sent): the execution strategy retries, asks PostgreSQL whether that commit took effect, and answers as
    /// the first attempt would have (the submitted application), not "already sent", with no second submission or receipt.
    /// </summary>
    [Fact]
    public async Task Submission_WhoseCommitAnswerIsLost_IsRetried_AndAnsweredAsDone_WithoutASecondEffect()
    {
        var call = await OpenCall();
        var (_, user) = await Ngo("NGO", "CO", "ngo@example.org");
        var id = await CompleteDraft(user, call.Id);
        var client = await SignedIn(user);
        var form = await PageForm(client, $"/apply/{id}/review", "Submit", []);

        App.LostCommitAnswer.LoseTheNextOne();
        var first = await client.PostAsync(form.Action, new FormUrlEncodedContent(form.Fields));
        var again = await client.PostAsync(form.Action, new FormUrlEncodedContent(form.Fields)); // the browser resending it later

        Assert.Equal(1, App.LostCommitAnswer.Fired);
        Assert.Equal((HttpStatusCode.Redirect, $"/apply/{id}/view?submitted=1"), (first.StatusCode, LocationOf(first)));
        Assert.Equal((HttpStatusCode.Redirect, LocationOf(first)), (again.StatusCode, LocationOf(again)));
        await using var db = App.NewDbContext();
        var application = await db.Applications.SingleAsync(a => a.Id == id);
        Assert.Equal(ApplicationStatus.Submitted, application.Status);
        Assert.NotNull(application.ReferenceNumber);
        Assert.Equal(1, await db.OutboxEmails.CountAsync(e => e.DeduplicationKey!.StartsWith("application-receipt:")));
        Assert.Single(await db.AuditEntries.AsNoTracking().Where(e => e.Action == "SubmitApplication" && e.EntityId == id.ToString()).ToListAsync());
    }

    /// <summary>Waits for a condition of the test's own making (never for a guessed time), failing after a generous limit.</summary>
    private static async Task Until(Func<bool> condition, string what)
    {
        var limit = System.Diagnostics.Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(limit.Elapsed < TimeSpan.FromMinutes(2), $"Timed out waiting until {what}.");
            await Task.Delay(20);
        }
    }
}
