using System.Net;
using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Features.Board;
using TrustFund.Application.Identity;
using TrustFund.Domain.Board;
using TrustFund.Domain.Common;
using TrustFund.Domain.ReferenceData;
using TrustFund.IntegrationTests.Support;

namespace TrustFund.IntegrationTests.Features.Board;

public sealed class AppointmentPagesTests(TrustFundAppFactory app) : BoardTest(app)
{
    [Fact]
    public async Task AppointTrustee_ThroughThePage_SeatsThePersonInTheNationalitysGroupForThreeYears()
    {
        var admin = await Admin();
        var amina = await Trustee("amina@trustees.test");

        var response = await PostForm(admin, "/admin/board/appoint", new()
        {
            ["PersonId"] = amina.Id.ToString(), ["NationalityIso2"] = "SN", ["TermStart"] = "2026-12-01",
        });

        Assert.Equal("/admin/board", LocationOf(response));
        await using var db = App.NewDbContext();
        var appointment = await db.TrusteeAppointments.SingleAsync();
        Assert.Equal(amina.Id, appointment.TrusteeUserId);
        Assert.Equal(RegionalGroup.African, appointment.RegionalGroupCode);
        Assert.Equal((new DateOnly(2026, 12, 1), new DateOnly(2029, 12, 1), 1), (appointment.TermStart, appointment.TermEnd, appointment.TermNumber));
        Assert.Contains("amina", await admin.GetStringAsync("/admin/board"));
        Assert.Contains(await db.AuditEntries.ToListAsync(), e => e.Action == "AppointTrustee" && e.EntityType == nameof(TrusteeAppointment)
            && e.EntityId == appointment.Id.ToString() && e.UserName == "admin@unodc.test");
    }

    [Fact]
    public async Task AppointTrustee_TheOptionsListOnlyPeopleWithTheTrusteeRole()
    {
        var admin = await Admin();
        await Trustee("amina@trustees.test");
        await CreateUser("ngo@example.org", Roles.Applicant);

        var html = await admin.GetStringAsync("/admin/board/appoint");

        Assert.Contains("amina@trustees.test", html);
        Assert.DoesNotContain("ngo@example.org", html);
        Assert.Contains("Senegal (African States)", html);
    }

    [Fact]
    public async Task AppointTrustee_ASecondServingTrusteeFromTheSameGroup_IsRefusedWithAClearMessage()
    {
        var admin = await Admin();
        await Appointed(await Trustee("amina@trustees.test"), "SN");
        var kenyan = await Trustee("wanjiru@trustees.test");

        var response = await PostForm(admin, "/admin/board/appoint", new()
        {
            ["PersonId"] = kenyan.Id.ToString(), ["NationalityIso2"] = "KE", ["TermStart"] = "2026-11-22",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("A trustee from the same regional group is already serving during these dates: each regional group has one seat.", html);
        Assert.Contains("selected=\"selected\">Kenya", html); // what was chosen is kept
        await using var db = App.NewDbContext();
        Assert.Equal(1, await db.TrusteeAppointments.CountAsync());
    }

    [Fact]
    public async Task AppointTrustee_ASixthServingTrustee_IsRefusedWithAClearMessage()
    {
        var admin = await Admin();
        await FullBoard();
        var sixth = await Trustee("sixth@trustees.test");

        var response = await PostForm(admin, "/admin/board/appoint", new()
        {
            ["PersonId"] = sixth.Id.ToString(), ["NationalityIso2"] = "KI", ["RegionalGroupCode"] = RegionalGroup.AsiaPacific,
            ["RegionalGroupReason"] = "Kiribati belongs to no group.", ["TermStart"] = "2026-11-22",
        });

        Assert.Contains("The board already has five serving trustees during these dates: end a term or choose other dates first.",
            await response.Content.ReadAsStringAsync());
        await using var db = App.NewDbContext();
        Assert.Equal(5, await db.TrusteeAppointments.CountAsync());
    }

    [Fact]
    public async Task AppointTrustee_InAnotherGroupWithoutAReason_IsRefused_AndWithAReasonIsAccepted()
    {
        var admin = await Admin();
        var person = await Trustee("deniz@trustees.test");
        var fields = new Dictionary<string, string>
        {
            ["PersonId"] = person.Id.ToString(), ["NationalityIso2"] = "AF", ["RegionalGroupCode"] = RegionalGroup.WesternEuropeanOthers,
            ["TermStart"] = "2026-11-22",
        };

        var refused = await PostForm(admin, "/admin/board/appoint", new(fields));
        Assert.Contains("Give the reason for choosing a regional group other than the nationality&#x27;s.", await refused.Content.ReadAsStringAsync());

        fields["RegionalGroupReason"] = "Dual national, resident in Germany.";
        var accepted = await PostForm(admin, "/admin/board/appoint", fields);
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        await using var db = App.NewDbContext();
        var appointment = await db.TrusteeAppointments.SingleAsync();
        Assert.Equal((RegionalGroup.WesternEuropeanOthers, "Dual national, resident in Germany."), (appointment.RegionalGroupCode, appointment.RegionalGroupReason));
    }

    [Fact]
    public async Task AppointTrustee_WithNothingChosen_ShowsAnErrorNextToEachField()
    {
        var admin = await Admin();
        await Trustee("amina@trustees.test");

        var response = await PostForm(admin, "/admin/board/appoint", new() { ["TermStart"] = "" });
        var html = await response.Content.ReadAsStringAsync();

        Assert.Contains("href=\"#PersonId\">Choose the person to appoint.", html);
        Assert.Contains("href=\"#NationalityIso2\">Choose the trustee&#x27;s nationality.", html);
        Assert.Contains("Enter the first day of the term.", html);
    }

    [Fact]
    public async Task AppointTrustee_APersonWithoutTheTrusteeRole_IsRefused()
    {
        var manager = await CreateUser("manager@unodc.test", Roles.FundManager);
        var error = await Assert.ThrowsAsync<DomainException>(() =>
            Send(new AppointTrustee.Command(manager.Id, "AT", null, null, BoardTestData.Today, null)));
        Assert.Equal("Only a person with the Trustee role can be appointed: give them the role first.", error.Message);
    }

    [Fact]
    public async Task RenewTerm_ThroughThePage_GivesASecondTermFromTheDayTheFirstEnds()
    {
        var admin = await Admin();
        var first = await Appointed(await Trustee("amina@trustees.test"), "SN");

        var response = await PostForm(admin, $"/admin/board/{first}/renew", new());

        Assert.Equal("/admin/board", LocationOf(response));
        await using var db = App.NewDbContext();
        var second = await db.TrusteeAppointments.SingleAsync(a => a.RenewalOf == first);
        Assert.Equal((new DateOnly(2029, 1, 1), new DateOnly(2032, 1, 1), 2), (second.TermStart, second.TermEnd, second.TermNumber));
    }

    [Fact]
    public async Task RenewTerm_ASecondTerm_IsRefusedAsAThirdTerm()
    {
        var admin = await Admin();
        var first = await Appointed(await Trustee("amina@trustees.test"), "SN");
        var second = (await Send(new RenewTrusteeTerm.Command(first))).AppointmentId;
        Assert.DoesNotContain($"/admin/board/{second}/renew", await admin.GetStringAsync("/admin/board"));

        var response = await PostForm(admin, $"/admin/board/{second}/renew", new());

        Assert.Contains("A trustee may serve at most two terms: this would be a third.", await response.Content.ReadAsStringAsync());
        await using var db = App.NewDbContext();
        Assert.Equal(2, await db.TrusteeAppointments.CountAsync());
    }

    [Fact]
    public async Task RenewTerm_OfAnUnknownAppointment_Is404()
    {
        var admin = await Admin();
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/admin/board/{Guid.NewGuid()}/renew")).StatusCode);
    }

    [Fact]
    public async Task EndTerm_WithAReason_VacatesTheSeatFromThatDay()
    {
        var admin = await Admin();
        var appointment = await Appointed(await Trustee("amina@trustees.test"), "SN");
        var page = await admin.GetStringAsync($"/admin/board/{appointment}/end");
        Assert.Contains("data-confirm=", page);

        var response = await PostForm(admin, $"/admin/board/{appointment}/end", new() { ["EndOn"] = "2026-11-22", ["Reason"] = "Resigned." });

        Assert.Equal("/admin/board", LocationOf(response));
        await using var db = App.NewDbContext();
        var ended = await db.TrusteeAppointments.SingleAsync();
        Assert.Equal((BoardTestData.Today, "Resigned."), (ended.EndedEarlyOn, ended.EndedEarlyReason));
        Assert.Contains("Vacant seat", await admin.GetStringAsync("/board"));
    }

    [Fact]
    public async Task EndTerm_WithoutAReason_OrInThePast_IsRefused()
    {
        var admin = await Admin();
        var appointment = await Appointed(await Trustee("amina@trustees.test"), "SN");

        var noReason = await PostForm(admin, $"/admin/board/{appointment}/end", new() { ["EndOn"] = "2026-11-22", ["Reason"] = "" });
        Assert.Contains("href=\"#Reason\">Give the reason for ending the term early.", await noReason.Content.ReadAsStringAsync());

        var past = await PostForm(admin, $"/admin/board/{appointment}/end", new() { ["EndOn"] = "2026-11-21", ["Reason"] = "Backdated." });
        Assert.Contains("A term cannot be ended on a date in the past.", await past.Content.ReadAsStringAsync());

        await using var db = App.NewDbContext();
        Assert.Null((await db.TrusteeAppointments.SingleAsync()).EndedEarlyOn);
    }

    [Fact]
    public async Task DesignateChair_ThroughThePage_ShowsTheChairOnTheBoardPage_AndASecondChoiceReplacesTheFirst()
    {
        var admin = await Admin();
        var board = await FullBoard();

        Assert.Equal("/admin/board", LocationOf(await PostForm(admin, "/admin/board/chair",
            new() { ["Year"] = "2026", ["AppointmentId"] = board[0].AppointmentId.ToString() })));
        Assert.Equal("/admin/board", LocationOf(await PostForm(admin, "/admin/board/chair",
            new() { ["Year"] = "2026", ["AppointmentId"] = board[3].AppointmentId.ToString() })));

        await using var db = App.NewDbContext();
        var chair = await db.ChairDesignations.SingleAsync();
        Assert.Equal((2026, board[3].AppointmentId), (chair.Year, chair.AppointmentId));
        var html = await admin.GetStringAsync("/board");
        Assert.Contains("<dt>Chairperson 2026</dt>\n    <dd>lucia</dd>", html.Replace("\r", ""));
    }

    [Fact]
    public async Task DesignateChair_ForAPastYear_IsRefused()
    {
        var admin = await Admin();
        var board = await FullBoard();

        var response = await PostForm(admin, "/admin/board/chair", new() { ["Year"] = "2025", ["AppointmentId"] = board[0].AppointmentId.ToString() });

        Assert.Contains("A chairperson can be designated only for the current year or a coming one.", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task AppointTrustee_TwoAdministratorsAtOnceForTheSameGroup_OnlyOneSucceeds()
    {
        var amina = await Trustee("amina@trustees.test");
        var wanjiru = await Trustee("wanjiru@trustees.test");

        var results = await Task.WhenAll(
            Attempt(() => Send(new AppointTrustee.Command(amina.Id, "SN", null, null, BoardTestData.Today, null))),
            Attempt(() => Send(new AppointTrustee.Command(wanjiru.Id, "KE", null, null, BoardTestData.Today, null))));

        Assert.Equal(1, results.Count(ok => ok));
        await using var db = App.NewDbContext();
        Assert.Equal(1, await db.TrusteeAppointments.CountAsync());
    }

    private static async Task<bool> Attempt(Func<Task> action)
    {
        try { await action(); return true; }
        catch (DomainException) { return false; }
    }

    [Fact]
    public async Task AppointmentPages_AreForAdministratorsOnly_ATrusteeCannotAppoint()
    {
        var trusteeUser = await Trustee("amina@trustees.test");
        var trustee = await SignedIn(trusteeUser);

        Assert.StartsWith("/account/access-denied", LocationOf(await trustee.GetAsync("/admin/board/appoint")));
        var post = await trustee.PostAsync("/admin/board/appoint", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["PersonId"] = trusteeUser.Id.ToString(), ["NationalityIso2"] = "SN", ["TermStart"] = "2026-11-22",
        }));
        Assert.NotEqual(HttpStatusCode.OK, post.StatusCode);
        Assert.False(post.Headers.Location?.OriginalString == "/admin/board");

        var manager = await SignedIn(await CreateUser("manager@unodc.test", [Roles.FundManager], twoFactor: true));
        Assert.StartsWith("/account/access-denied", LocationOf(await manager.GetAsync("/admin/board")));

        await using var db = App.NewDbContext();
        Assert.Equal(0, await db.TrusteeAppointments.CountAsync());
    }
}
