using System.Net;
using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Identity;
using TrustFund.IntegrationTests.Support;

namespace TrustFund.IntegrationTests.Features.Board;

/// <summary>
/// The administrator's board and user forms (on FormPage) given what a careless or hostile hand types: each refusal is the
/// same page (200) with that form's own message and the values as typed, and nothing is stored.
/// </summary>
public sealed class BoardFormTests(TrustFundAppFactory app) : BoardTest(app)
{
    [Theory]
    [InlineData("twenty-seven", "Year: “twenty-seven” is not a valid value.")]
    [InlineData("99999999999", "Year: “99999999999” is not a valid value.")]
    [InlineData("3000", "Enter the year as four digits.")]
    public async Task DesignateChair_AYearThatCannotBe_IsRefusedAsTyped_AndNobodyIsChair(string year, string message)
    {
        var admin = await Admin();
        var board = await FullBoard();

        var response = await PostPageForm(admin, "/admin/board/chair", null, [new("Year", year), new("AppointmentId", board[1].AppointmentId.ToString())]);

        var html = await AssertRefusedWith(response, message);
        Assert.Contains($"value=\"{year}\"", html);
        Assert.Matches($"value=\"{board[1].AppointmentId}\" selected", html.Replace("selected=\"selected\"", "selected"));
        await using var db = App.NewDbContext();
        Assert.Equal(0, await db.ChairDesignations.CountAsync());
    }

    [Fact]
    public async Task DesignateChair_NobodyChosen_IsRefused_AndAnUnknownAppointmentIsNotFound()
    {
        var admin = await Admin();
        await FullBoard();

        var nobody = await PostPageForm(admin, "/admin/board/chair", null, [new("Year", "2026"), new("AppointmentId", "")]);
        var unknown = await PostPageForm(admin, "/admin/board/chair", null, [new("Year", "2026"), new("AppointmentId", Guid.NewGuid().ToString())]);

        await AssertRefusedWith(nobody, "Choose the chairperson.");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task AppointTrustee_ADateThatCannotBeRead_IsRefusedAsTyped_InTheReadersLanguage_AndNobodyIsAppointed()
    {
        var admin = await Admin();
        var kenyan = await Trustee("wanjiru@trustees.test");
        await admin.GetAsync("/?culture=fr");

        var response = await PostPageForm(admin, "/admin/board/appoint", null,
            [new("PersonId", kenyan.Id.ToString()), new("NationalityIso2", "KE"), new("TermStart", "31/02/2027"), new("RegionalGroupReason", "<i>x</i>")]);

        var html = await AssertRefusedWith(response, "Premier jour du mandat\u00A0: «\u00A031/02/2027\u00A0» n’est pas une valeur valide.");
        Assert.Contains("value=\"31/02/2027\"", html);
        Assert.Contains("&lt;i&gt;x&lt;/i&gt;", await response.Content.ReadAsStringAsync());
        await using var db = App.NewDbContext();
        Assert.Equal(0, await db.TrusteeAppointments.CountAsync());
    }

    [Fact]
    public async Task CreateUser_WithABadAddress_OrARoleThatDoesNotExist_IsRefusedAsTyped_InTheReadersLanguage_AndNoAccountIsMade()
    {
        var admin = await Admin();

        var badAddress = await PostPageForm(admin, "/admin/users/new", null,
            [new("Email", "not an address"), new("DisplayName", "Ana Ruiz"), new("PreferredLanguage", "es"), new("Roles", Roles.FundManager)]);
        var html = await AssertRefusedWith(badAddress, "Enter a valid e-mail address.");
        Assert.Contains("value=\"not an address\"", html);
        Assert.Contains("value=\"Ana Ruiz\"", html);
        Assert.Matches($"value=\"{Roles.FundManager}\" checked", html.Replace("checked=\"checked\"", "checked"));
        Assert.Matches("value=\"es\" selected", html.Replace("selected=\"selected\"", "selected"));
        // A role typed by hand, refused in the reader's language (the message once named it in English in every language).
        await admin.GetAsync("/?culture=fr");
        var superuser = await PostPageForm(admin, "/admin/users/new", null,
            [new("Email", "ana@unodc.test"), new("DisplayName", "Ana Ruiz"), new("PreferredLanguage", "es"), new("Roles", "Superuser")]);
        await AssertRefusedWith(superuser, "Choisissez les rôles dans la liste.");

        await using var db = App.NewDbContext();
        Assert.False(await db.Users.AnyAsync(u => u.DisplayName == "Ana Ruiz"));
    }
}
