using Mediator;
using Microsoft.Extensions.DependencyInjection;
using TrustFund.Application.Features.Board;
using TrustFund.Application.Identity;
using TrustFund.IntegrationTests.Support;

namespace TrustFund.IntegrationTests.Features.Board;

/// <summary>One nationality per regional group, as seeds/reference/countries.csv maps them.</summary>
public static class BoardTestData
{
    public static readonly DateTimeOffset Now = new(2026, 11, 22, 10, 0, 0, TimeSpan.Zero);
    public static readonly DateOnly Today = new(2026, 11, 22);

    public static readonly (string Email, string Nationality)[] Trustees =
    [
        ("amina@trustees.test", "SN"), ("hiroshi@trustees.test", "JP"), ("olena@trustees.test", "UA"),
        ("lucia@trustees.test", "CO"), ("erik@trustees.test", "SE"),
    ];
}

public abstract class BoardTest(TrustFundAppFactory app) : IntegrationTest(app)
{
    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        App.Clock.SetUtcNow(BoardTestData.Now);
    }

    protected Task<T> Ask<T>(IQuery<T> query) => Query(query);

    protected async Task<HttpClient> Admin() => await SignedIn(await CreateUser("admin@unodc.test", [Roles.Admin], twoFactor: true));

    protected async Task<ApplicationUser> Trustee(string email) => await CreateUser(email, [Roles.Trustee], twoFactor: true);

    protected async Task<Guid> Appointed(ApplicationUser person, string nationality, DateOnly? start = null, DateOnly? end = null) =>
        (await Send(new AppointTrustee.Command(person.Id, nationality, null, null, start ?? new DateOnly(2026, 1, 1), end))).AppointmentId;

    /// <summary>A full board: five trustees, one per group, appointed on 1 January 2026 for three years.</summary>
    protected async Task<List<(ApplicationUser Person, Guid AppointmentId)>> FullBoard()
    {
        var board = new List<(ApplicationUser, Guid)>();
        foreach (var (email, nationality) in BoardTestData.Trustees)
        {
            var person = await Trustee(email);
            board.Add((person, await Appointed(person, nationality)));
        }
        return board;
    }
}
