using TrustFund.Application.Features.Board;
using TrustFund.IntegrationTests.Support;

namespace TrustFund.IntegrationTests.Features.Board;

public sealed class TermsEndingSoonTests(TrustFundAppFactory app) : BoardTest(app)
{
    [Fact]
    public async Task ListTermsEndingSoon_ListsServingTermsEndingWithin90Days_NotThoseEndingTodayOrLater()
    {
        var today = BoardTestData.Today;
        var endsToday = await Appointed(await Trustee("a@trustees.test"), "SN", start: today.AddYears(-3), end: today);
        var endsTomorrow = await Appointed(await Trustee("b@trustees.test"), "JP", start: today.AddYears(-3).AddDays(1), end: today.AddDays(1));
        var endsIn90 = await Appointed(await Trustee("c@trustees.test"), "UA", start: today.AddYears(-2), end: today.AddDays(90));
        var endsIn91 = await Appointed(await Trustee("d@trustees.test"), "CO", start: today.AddYears(-2), end: today.AddDays(91));

        var items = await Ask(new ListTermsEndingSoon.Query());

        Assert.Equal([endsTomorrow, endsIn90], items.Select(i => i.AppointmentId));
        Assert.Equal([1, 90], items.Select(i => i.DaysLeft));
        Assert.Equal("b@trustees.test", items[0].Email);
        Assert.DoesNotContain(items, i => i.AppointmentId == endsToday || i.AppointmentId == endsIn91);
    }

    [Fact]
    public async Task ListTermsEndingSoon_SaysWhetherARenewalOrSuccessorAlreadyHoldsTheSeat()
    {
        var today = BoardTestData.Today;
        var renewed = await Appointed(await Trustee("a@trustees.test"), "SN", start: today.AddYears(-2), end: today.AddDays(30));
        await Send(new RenewTrusteeTerm.Command(renewed));
        var open = await Appointed(await Trustee("b@trustees.test"), "JP", start: today.AddYears(-2), end: today.AddDays(60));

        var items = await Ask(new ListTermsEndingSoon.Query());

        Assert.Equal([(renewed, true), (open, false)], items.Select(i => (i.AppointmentId, i.SeatCovered)));
    }

    [Fact]
    public async Task ListTermsEndingSoon_UsesTheEarlyEnd()
    {
        var today = BoardTestData.Today;
        var appointment = await Appointed(await Trustee("a@trustees.test"), "SN");
        await Send(new EndTrusteeTerm.Command(appointment, today.AddDays(10), "Resigning."));

        var item = Assert.Single(await Ask(new ListTermsEndingSoon.Query()));
        Assert.Equal((today.AddDays(10), 10), (item.Ends, item.DaysLeft));
    }

    [Fact]
    public async Task AppointTrusteeIfNotAppointed_ForTheDemoSeed_AppointsOnce()
    {
        await Trustee("amina@trustees.test");

        var first = await Send(new AppointTrusteeIfNotAppointed.Command("amina@trustees.test", "SN", new DateOnly(2026, 1, 1)));
        var again = await Send(new AppointTrusteeIfNotAppointed.Command("amina@trustees.test", "SN", new DateOnly(2026, 1, 1)));

        Assert.True(first.Appointed);
        Assert.False(again.Appointed);
        Assert.Equal(first.AppointmentId, again.AppointmentId);
        await using var db = App.NewDbContext();
        Assert.Equal("AFRICAN", Assert.Single(db.TrusteeAppointments).RegionalGroupCode);
    }
}
