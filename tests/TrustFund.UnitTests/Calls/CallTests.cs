using TrustFund.Application.Features.Calls;
using TrustFund.Domain.Calls;
using TrustFund.Domain.Common;

namespace TrustFund.UnitTests.Calls;

public sealed class CallTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 12, 0, 0, TimeSpan.Zero);

    private static CallTerms Terms(FundingWindow window = FundingWindow.MediumTerm, decimal min = 20_000, decimal max = 60_000,
        int months = 24, DateTimeOffset? deadline = null, string zone = "Europe/Vienna") =>
        new(new LocalizedText("Shelter 2027"), new LocalizedText("Text"), window, 500_000, min, max, months,
            deadline ?? Now.AddDays(30), zone, (deadline ?? Now.AddDays(30)).AddHours(-1));

    [Fact]
    public void Publish_BeforeTheDeadline_OpensTheCall()
    {
        var call = new Call("2026-sgp2-shelter", Terms(), Now);
        call.Publish(Now);
        Assert.Equal(CallStatus.Published, call.Status);
        Assert.True(call.IsOpenAt(Now));
    }

    [Fact]
    public void Publish_Twice_IsRefused()
    {
        var call = new Call("x", Terms(), Now);
        call.Publish(Now);
        var error = Assert.Throws<DomainException>(() => call.Publish(Now));
        Assert.Equal("Only a draft call can be published.", error.Message);
    }

    [Fact]
    public void CallIsOpen_UntilTheSecondBeforeItsDeadline()
    {
        var deadline = Now.AddDays(1);
        var call = new Call("x", Terms(deadline: deadline), Now);
        call.Publish(Now);
        Assert.True(call.IsOpenAt(deadline.AddSeconds(-1)));
        Assert.False(call.IsOpenAt(deadline));
        Assert.False(call.CloseIfDue(deadline.AddSeconds(-1)));
        Assert.True(call.CloseIfDue(deadline));
        Assert.False(call.CloseIfDue(deadline.AddMinutes(1)));
        Assert.Equal(CallStatus.Closed, call.Status);
        Assert.Throws<DomainException>(() => call.Edit(Terms()));
    }

    [Theory]
    [InlineData(FundingWindow.ShortTerm, 5_000, 25_000, 9, "must lie between USD 0 and USD 20,000")]
    [InlineData(FundingWindow.MediumTerm, 10_000, 60_000, 24, "must lie between USD 20,000 and USD 60,000")]
    [InlineData(FundingWindow.ShortTerm, 5_000, 20_000, 12, "last at most 9 months")]
    [InlineData(FundingWindow.MediumTerm, 40_000, 30_000, 24, "The minimum grant cannot exceed the maximum grant.")]
    public void Terms_OutsideTheWindowsRules_AreRefused(FundingWindow window, decimal min, decimal max, int months, string message)
    {
        var error = Assert.Throws<DomainException>(() => new Call("x", Terms(window, min, max, months), Now));
        Assert.Contains(message, error.Message);
    }

    [Fact]
    public void Terms_WithAnUnknownTimeZone_AreRefused()
    {
        var error = Assert.Throws<DomainException>(() => new Call("x", Terms(zone: "Mars/Olympus"), Now));
        Assert.Contains("is not a known time zone", error.Message);
    }

    [Fact]
    public void CallForm_ReadsTheDeadlineAsWallClockTimeInTheCallsZone()
    {
        var form = new CallForm
        {
            TitleEn = "T", DescriptionEn = "D", Window = FundingWindow.ShortTerm, Envelope = 100_000, MinGrant = 5_000,
            MaxGrant = 20_000, MaxDurationMonths = 9, TimeZoneId = "Europe/Vienna",
            DeadlineLocal = new DateTime(2027, 1, 15, 23, 59, 0), QuestionDeadlineLocal = new DateTime(2027, 1, 5, 23, 59, 0),
        };
        Assert.Equal(new DateTimeOffset(2027, 1, 15, 22, 59, 0, TimeSpan.Zero), form.ToTerms().Deadline); // CET = UTC+1
    }

    [Theory]
    [InlineData("Assistance d'urgence aux victimes — 2027", "2027-sgp1-assistance-d-urgence-aux-victimes-2027")]
    [InlineData("Assistance d\u2019urgence aux victimes — 2027", "2027-sgp1-assistance-d-urgence-aux-victimes-2027")]
    [InlineData("   ", "2027-sgp1")]
    public void Slug_IsReadableAscii(string title, string expected) =>
        Assert.Equal(expected, CallSlug.From(2027, FundingWindow.ShortTerm, title));

    [Fact]
    public void LocalizedText_FallsBackToEnglish()
    {
        var text = new LocalizedText("Shelter", "Hébergement");
        Assert.Equal("Hébergement", text.For("fr"));
        Assert.Equal("Shelter", text.For("es"));
        Assert.Equal("Shelter", text.For("en"));
    }
}
