using System.Net;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrustFund.Application.Features.Applications;
using TrustFund.Application.Identity;
using TrustFund.Domain.Applications;
using TrustFund.Domain.Common;
using TrustFund.Infrastructure.Email;
using TrustFund.IntegrationTests.Support;

namespace TrustFund.IntegrationTests.Features.Applications;

public sealed class SubmitApplicationTests(TrustFundAppFactory app) : ApplicationTest(app)
{
    [Fact]
    public async Task SubmitApplication_Complete_GetsAReferenceNumberAndAReceiptEmailInTheUsersLanguage()
    {
        var call = await OpenCall();
        var (_, user) = await Ngo();
        await using (var db = App.NewDbContext())
        {
            (await db.Users.SingleAsync(u => u.Id == user.Id)).PreferredLanguage = "es";
            await db.SaveChangesAsync();
        }
        var id = await CompleteDraft(user, call.Id);

        var result = await SendAs(user, new SubmitApplication.Command(id));

        Assert.Equal($"UNVTF-{App.Clock.GetUtcNow().AddDays(30).Year}-SGP2-0001", result.ReferenceNumber);
        await using (var scope = App.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<OutboxDispatcher>().DispatchPendingAsync();
        var mail = await MimeKit.MimeMessage.LoadAsync(Assert.Single(Directory.GetFiles(App.PickupDirectory, "*.eml")));
        Assert.Equal($"Solicitud {result.ReferenceNumber} recibida", mail.Subject);
        Assert.Contains("Safe shelter and legal aid in Cali", mail.TextBody);
        Assert.Contains("40.000,00", mail.TextBody);
        await using var after = App.NewDbContext();
        var submitted = await after.Applications.SingleAsync();
        Assert.Equal(ApplicationStatus.Submitted, submitted.Status);
        Assert.All(submitted.EligibilityChecks, c => Assert.True(c.Passed, c.Rule));
    }

    [Fact]
    public async Task SubmitPage_TheSameFormFiveTimesAtOnce_SubmitsOnce_AndEveryPostGetsTheSameAnswer()
    {
        var call = await OpenCall();
        var (_, user) = await Ngo();
        var id = await CompleteDraft(user, call.Id);
        var client = await SignedIn(user);
        // One form (one idempotency key), sent five times: a double click and a browser resending after lost answers.
        var (action, fields) = await PageForm(client, $"/apply/{id}/review", "Submit", []);

        var answers = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => client.PostAsync(action, new FormUrlEncodedContent(fields))));

        Assert.All(answers, a => Assert.Equal($"/apply/{id}/view?submitted=1", LocationOf(a)));
        await using var db = App.NewDbContext();
        Assert.Equal(ApplicationStatus.Submitted, (await db.Applications.SingleAsync()).Status);
        Assert.Equal(1, await db.OutboxEmails.CountAsync(e => e.DeduplicationKey!.StartsWith("application-receipt:")));
        Assert.Equal(1, await db.FormAnswers.CountAsync());
    }

    [Fact]
    public async Task TwoCallsOfTheSameWindowAndYear_NumberTheirApplicationsInOneSeries()
    {
        var first = await OpenCall();
        var second = await OpenCall();
        var (_, colombia) = await Ngo();
        var (_, senegal) = await Ngo("Sahel Solidarité", "SN", "fatou@sahel.org");

        var a = await SendAs(colombia, new SubmitApplication.Command(await CompleteDraft(colombia, first.Id)));
        var b = await SendAs(senegal, new SubmitApplication.Command(await CompleteDraft(senegal, second.Id)));

        Assert.EndsWith("-0001", a.ReferenceNumber);
        Assert.EndsWith("-0002", b.ReferenceNumber);
    }

    [Fact]
    public async Task SubmitApplication_AtTheDeadlineToTheSecond_IsRefused_AndTheDraftIsKept()
    {
        var call = await OpenCall();
        var (_, user) = await Ngo();
        var id = await CompleteDraft(user, call.Id);
        await using var db = App.NewDbContext();
        var deadline = (await db.Calls.SingleAsync()).Deadline;

        App.Clock.SetUtcNow(deadline);
        var error = await Assert.ThrowsAsync<DomainException>(() => SendAs(user, new SubmitApplication.Command(id)));

        Assert.StartsWith("The deadline for this call passed on ", error.Message);
        Assert.Contains("(Europe/Vienna)", error.Message);
        await using var after = App.NewDbContext();
        var draft = await after.Applications.SingleAsync();
        Assert.Equal(ApplicationStatus.Draft, draft.Status);
        Assert.Equal("Safe shelter and legal aid in Cali", draft.Project.Title);
    }

    [Fact]
    public async Task SubmitApplication_OneSecondBeforeTheDeadline_IsAccepted()
    {
        var call = await OpenCall();
        var (_, user) = await Ngo();
        var id = await CompleteDraft(user, call.Id);
        await using var db = App.NewDbContext();
        App.Clock.SetUtcNow((await db.Calls.SingleAsync()).Deadline.AddSeconds(-1));

        var result = await SendAs(user, new SubmitApplication.Command(id));

        Assert.NotEmpty(result.ReferenceNumber);
    }

    [Fact]
    public async Task SubmitApplication_Twice_AtTheSameMoment_SubmitsOnce_WithOneReferenceAndOneReceipt()
    {
        var call = await OpenCall();
        var (_, user) = await Ngo();
        var id = await CompleteDraft(user, call.Id);

        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => SendAs(user, new SubmitApplication.Command(id))));

        Assert.Single(results.Select(r => r.ReferenceNumber).Distinct());
        await using var db = App.NewDbContext();
        Assert.Equal(1, await db.OutboxEmails.CountAsync());
        var (_, other) = await Ngo("Sahel Solidarité", "SN", "fatou@sahel.org");
        var next = await SendAs(other, new SubmitApplication.Command(await CompleteDraft(other, call.Id)));
        Assert.EndsWith("-0002", next.ReferenceNumber); // the three clicks that found it submitted took no number
    }

    [Fact]
    public async Task FirstSubmissionsOfANewWindow_AtTheSameMoment_GetDistinctNumbers_WithoutWaitingForEachOther()
    {
        var call = await OpenCall();
        var people = new List<ApplicationUser>();
        foreach (var (name, country, email) in new[] { ("Fundación Ñandú", "CO", "ana@nandu.org"), ("Sahel Solidarité", "SN", "fatou@sahel.org"),
                     ("La Strada", "UA", "olena@lastrada.org"), ("Centre Dakar", "SN", "awa@dakar.org") })
            people.Add((await Ngo(name, country, email)).User);
        var drafts = new List<(ApplicationUser User, Guid Id)>();
        foreach (var person in people) drafts.Add((person, await CompleteDraft(person, call.Id)));

        // The window's sequence does not exist yet: all four create-or-take it at once.
        var results = await Task.WhenAll(drafts.Select(d => SendAs(d.User, new SubmitApplication.Command(d.Id))));

        Assert.Equal(["-0001", "-0002", "-0003", "-0004"], results.Select(r => r.ReferenceNumber[^5..]).Order());
    }

    [Fact]
    public async Task SubmitApplication_Incomplete_ListsEveryProblem()
    {
        var call = await OpenCall();
        var (_, user) = await Ngo();
        var id = await CompleteDraft(user, call.Id, total: 90_000m); // above the SGP2 maximum of 60,000
        var current = await QueryAs(user, new GetApplication.Query(id));
        await SendAs(user, new SaveDraft.Command(id, current.Version)
        {
            Budget = [new BudgetLine(BudgetCategory.DirectAssistance, "Shelter", 30_000m), new BudgetLine(BudgetCategory.OfficeRunningCosts, "Rent", 5_000m)],
        });
        await using (var db = App.NewDbContext())
            await db.Attachments.Where(a => a.Type == DocumentType.ReferenceLetter2).ExecuteDeleteAsync();

        var error = await Assert.ThrowsAsync<ValidationException>(() => SendAs(user, new SubmitApplication.Command(id)));

        var messages = error.Errors.Select(e => e.ErrorMessage).ToList();
        Assert.Contains("Office and running costs are {0}, above the cap of {1:P0} of the total.", messages);
        Assert.Contains("Attach the required document: {0}.", messages);
        Assert.Contains(error.Errors, e => e.PropertyName == "Attachments.ReferenceLetter2");
    }

    [Fact]
    public async Task SubmitApplication_BudgetAboveTheCallsMaximum_IsRefused()
    {
        var call = await OpenCall();
        var (_, user) = await Ngo();
        var id = await CompleteDraft(user, call.Id, total: 75_000m);

        var error = await Assert.ThrowsAsync<ValidationException>(() => SendAs(user, new SubmitApplication.Command(id)));

        Assert.Contains(error.Errors, e => e.ErrorMessage.StartsWith("The total requested"));
    }

    [Fact]
    public async Task SubmitApplication_ThroughThePage_ShowsTheReceipt_AndTranslatesProblems()
    {
        var call = await OpenCall();
        var (_, user) = await Ngo();
        var id = await CompleteDraft(user, call.Id);
        var client = await SignedIn(user);

        var response = await PostForm(client, $"/apply/{id}/review?handler=Submit", [], pageUrl: $"/apply/{id}/review");

        Assert.Equal($"/apply/{id}/view?submitted=1", LocationOf(response));
        var receipt = await client.GetStringAsync(LocationOf(response));
        Assert.Contains("Your reference number is UNVTF-", receipt);
    }

    [Fact]
    public async Task Withdraw_MarksTheApplicationWithdrawn_AndKeepsItsHistory()
    {
        var call = await OpenCall();
        var (_, user) = await Ngo();
        var id = await CompleteDraft(user, call.Id);
        await SendAs(user, new SubmitApplication.Command(id));
        var client = await SignedIn(user);

        var response = await PostForm(client, $"/apply/{id}/view?handler=Withdraw", new() { ["Reason"] = "Funded elsewhere" }, pageUrl: $"/apply/{id}/view");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = await client.GetStringAsync($"/apply/{id}/view");
        Assert.Contains("Funded elsewhere", page);
        await using var db = App.NewDbContext();
        var application = await db.Applications.SingleAsync();
        Assert.Equal(ApplicationStatus.Withdrawn, application.Status);
        Assert.Equal([ApplicationStatus.Draft, ApplicationStatus.Submitted, ApplicationStatus.Withdrawn], application.History.Select(h => h.Status));
    }
}
